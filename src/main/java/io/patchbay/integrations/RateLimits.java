package io.patchbay.integrations;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Each integration's hourly call allowance ({@code patchbay.graph.rate-limit-per-hour},
 * default 20,000), as a token bucket refilled continuously over the hour: the rolling
 * hour of the spec. Kept per node for now; a cluster shares them once buckets move to
 * PostgreSQL (Bucket4j's JDBC backend).
 */
@Component
class RateLimits {

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	private final long limit;

	RateLimits(CallLimitProperties properties) {
		this.limit = Math.max(1, properties.rateLimitPerHour());
	}

	/** Takes one call from the allowance; false when it is used up. */
	boolean tryCall(long integrationId) {
		return bucket(integrationId).tryConsume(1);
	}

	/** The percentage of the hourly allowance in use, for {@code x-app-usage}. */
	int percentUsed(long integrationId) {
		long available = bucket(integrationId).getAvailableTokens();
		return (int) Math.min(100, Math.max(0, (this.limit - available) * 100 / this.limit));
	}

	private Bucket bucket(long integrationId) {
		return this.buckets.computeIfAbsent(integrationId,
				(id) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(this.limit).refillGreedy(this.limit, Duration.ofHours(1)))
					.build());
	}

}
