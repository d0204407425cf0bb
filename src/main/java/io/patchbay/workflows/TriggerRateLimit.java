package io.patchbay.workflows;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each workflow's webhook allowance: a token bucket of {@code rate-limit} requests per
 * second, the burst equal to the rate. On PostgreSQL the buckets live in the database
 * (Bucket4j's {@code SELECT … FOR UPDATE} buckets, in the trigger's transaction:
 * {@link TransactionalBuckets}), so every node of a cluster counts against the same one;
 * on the embedded H2 (one node) they live in memory.
 */
@Component
class TriggerRateLimit {

	private final Supplier<BucketConfiguration> configuration;

	private final @Nullable ProxyManager<Long> shared;

	private final ConcurrentMap<Long, Bucket> local = new ConcurrentHashMap<>();

	TriggerRateLimit(DataSource dataSource, JdbcClient jdbc, WorkflowProperties properties) throws SQLException {
		int rate = Math.max(1, properties.rateLimit());
		BucketConfiguration bucket = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)))
			.build();
		this.configuration = () -> bucket;
		this.shared = postgresql(dataSource) ? new TransactionalBuckets(jdbc, Duration.ofSeconds(10)) : null;
	}

	/**
	 * Takes one request from the workflow's allowance; on PostgreSQL, inside the
	 * trigger's transaction, whose commit makes it count.
	 * @return 0 when allowed, else the nanoseconds until the next request would be
	 */
	long take(long workflowId) {
		ConsumptionProbe probe = bucket(workflowId).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

	private Bucket bucket(long workflowId) {
		if (this.shared != null) {
			return this.shared.getProxy(workflowId, this.configuration);
		}
		return this.local.computeIfAbsent(workflowId,
				(id) -> Bucket.builder().addLimit(this.configuration.get().getBandwidths()[0]).build());
	}

	private static boolean postgresql(DataSource dataSource) throws SQLException {
		try (var connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
	}

}
