package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log to its retention (14 days by default) and publishes the queue's
 * depth and the age of its oldest pending delivery as gauges, read from the database
 * every few seconds rather than on every scrape. Both are scheduled by
 * {@link WebhooksConfiguration}.
 */
@Component
class DeliveryHousekeeping {

	private final AtomicLong pending = new AtomicLong();

	private final AtomicLong oldestPendingSeconds = new AtomicLong();

	private final DeliveryRepository deliveries;

	private final WebhookProperties properties;

	private final Clock clock;

	DeliveryHousekeeping(DeliveryRepository deliveries, WebhookProperties properties, MeterRegistry meters,
			Clock clock) {
		this.deliveries = deliveries;
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

	/** Scheduled every {@code patchbay.webhooks.queue-measure-interval}. */
	void measureQueue() {
		Instant now = this.clock.instant();
		DeliveryRepository.Queue queue = this.deliveries.pending();
		this.pending.set(queue.depth());
		this.oldestPendingSeconds.set((queue.oldest() != null) ? Duration.between(queue.oldest(), now).toSeconds() : 0);
	}

	/**
	 * Deletes finished deliveries (with their attempts) older than the retention;
	 * scheduled every {@code patchbay.webhooks.purge-interval}.
	 */
	int purge() {
		return this.deliveries.purge(this.clock.instant().minus(this.properties.retention()));
	}

}
