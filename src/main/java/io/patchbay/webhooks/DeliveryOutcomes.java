package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.Ids;
import io.patchbay.platform.OutboundResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what became of each attempt: the attempt row, the delivery's status and next
 * retry, the subscription's health (a {@code 410 Gone}, or 36 hours of nothing but
 * failures, disables it), and the delivery metrics.
 */
@Component
@Transactional
class DeliveryOutcomes {

	private static final int MAX_ERROR = 500;

	private final DeliveryRepository deliveries;

	private final SubscriptionRepository subscriptions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final WebhookProperties properties;

	private final RetrySchedule retries;

	private final MeterRegistry meters;

	private final Timer latency;

	private final Ids ids;

	private final Clock clock;

	DeliveryOutcomes(DeliveryRepository deliveries, SubscriptionRepository subscriptions, AuditLog audit,
			ApplicationEventPublisher events, WebhookProperties properties, MeterRegistry meters, Ids ids,
			Clock clock) {
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.retrySchedule());
		this.meters = meters;
		this.latency = Timer.builder("patchbay.webhooks.delivery.latency")
			.description("Time from a webhook POST to its receiver's answer")
			.publishPercentileHistogram()
			.register(meters);
		this.ids = ids;
		this.clock = clock;
	}

	void answered(long deliveryId, Subscription subscription, int attempt, Instant at, OutboundResponse response) {
		this.latency.record(response.latency());
		String excerpt = response.bodyExcerpt();
		if (response.successful()) {
			recordAttempt(deliveryId, at, response.status(), response.latency().toMillis(), null, excerpt);
			this.deliveries.succeeded(deliveryId, attempt, at, response.status());
			this.subscriptions.recovered(subscription.id());
			count("succeeded");
			return;
		}
		String error = (response.status() >= 300 && response.status() < 400)
				? "Redirect (HTTP " + response.status() + ") not followed" : "HTTP " + response.status();
		recordAttempt(deliveryId, at, response.status(), response.latency().toMillis(), error, excerpt);
		if (response.status() == 410) {
			finish(deliveryId, attempt, at, response.status(), error, DeliveryStatus.FAILED, null);
			disable(subscription, "The callback answered 410 Gone");
			return;
		}
		retryOrFail(deliveryId, subscription, attempt, at, response.status(), error, response.header("retry-after"));
	}

	void failed(long deliveryId, Subscription subscription, int attempt, Instant at, long latencyMs, String error) {
		recordAttempt(deliveryId, at, null, latencyMs, error, null);
		retryOrFail(deliveryId, subscription, attempt, at, null, error, null);
	}

	/** Gives up on deliveries that may no longer be sent, without an attempt. */
	void abandon(List<Long> deliveryIds, String reason) {
		this.deliveries.abandon(deliveryIds, truncate(reason));
		this.meters.counter("patchbay.webhooks.deliveries", "outcome", "abandoned").increment(deliveryIds.size());
	}

	private void retryOrFail(long deliveryId, Subscription subscription, int attempt, Instant at,
			@Nullable Integer status, String error, @Nullable String retryAfter) {
		Optional<Instant> next = this.retries.next(attempt, retryAfter, at);
		finish(deliveryId, attempt, at, status, error,
				next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, next.orElse(null));
		Instant failingSince = this.subscriptions.failing(subscription.id(), at);
		if (Duration.between(failingSince, at).compareTo(this.properties.failureWindow()) >= 0) {
			disable(subscription, "Every delivery failed for " + this.properties.failureWindow().toHours() + " hours");
		}
	}

	private void finish(long deliveryId, int attempt, Instant at, @Nullable Integer status, String error,
			DeliveryStatus outcome, @Nullable Instant next) {
		this.deliveries.failed(deliveryId, outcome, attempt, at, status, truncate(error), (next != null) ? next : at);
		count((outcome == DeliveryStatus.PENDING) ? "retrying" : "failed");
	}

	private void disable(Subscription subscription, String reason) {
		if (this.subscriptions.disable(subscription.id(), reason, this.clock.instant())) {
			this.audit.record("webhook.disabled", "integration", String.valueOf(subscription.integrationId()),
					subscription.topic().object(), reason);
			this.events.publishEvent(new SubscriptionsChanged());
		}
	}

	private void recordAttempt(long deliveryId, Instant at, @Nullable Integer status, long latencyMs,
			@Nullable String error, @Nullable String excerpt) {
		this.deliveries.insertAttempt(this.ids.next(), deliveryId, at, status, latencyMs, truncate(error),
				printable(excerpt));
	}

	private void count(String outcome) {
		this.meters.counter("patchbay.webhooks.deliveries", "outcome", outcome).increment();
	}

	/**
	 * A receiver may answer anything: keep what a database column and a page can hold.
	 */
	private static @Nullable String printable(@Nullable String excerpt) {
		if (excerpt == null) {
			return null;
		}
		String cleaned = excerpt.replace('\u0000', '\uFFFD');
		return (cleaned.length() > 4096) ? cleaned.substring(0, 4096) : cleaned;
	}

	private static @Nullable String truncate(@Nullable String error) {
		return (error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error;
	}

}
