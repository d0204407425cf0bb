package io.patchbay.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log to its retention (14 days by default) and publishes the queue's
 * depth and the age of its oldest pending delivery as gauges, read from the database
 * every few seconds rather than on every scrape.
 */
@Component
class DeliveryHousekeeping {

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	private final JdbcClient jdbc;

	private final WebhookProperties properties;

	private final Clock clock;

	DeliveryHousekeeping(JdbcClient jdbc, WebhookProperties properties, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("patchbay.webhooks.pending", this.pending, AtomicLong::get)
			.description("Deliveries waiting to be sent")
			.register(meters);
		Gauge.builder("patchbay.webhooks.oldest.pending.age", this.oldestPendingSeconds, AtomicLong::get)
			.description("Age in seconds of the oldest delivery waiting to be sent")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelay = 5_000)
	void measureQueue() {
		Instant now = this.clock.instant();
		record Queue(long count, Timestamp oldest) {
		}
		Queue queue = this.jdbc
			.sql("SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM webhook_delivery WHERE status = 'PENDING'")
			.query((rs, row) -> new Queue(rs.getLong("depth"), rs.getTimestamp("oldest")))
			.single();
		this.pending.set(queue.count());
		this.oldestPendingSeconds
			.set((queue.oldest() != null) ? Duration.between(queue.oldest().toInstant(), now).toSeconds() : 0);
	}

	/** Deletes finished deliveries (with their attempts) older than the retention. */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	int purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		this.jdbc.sql("""
				DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery
				  WHERE status <> 'PENDING' AND created_at < ?)""").param(Timestamp.from(cutoff)).update();
		return this.jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

}
