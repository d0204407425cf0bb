package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what became of the attempts, a batch at a time: the attempt rows, the
 * deliveries' status and next retry, the subscriptions' health (a {@code 410 Gone}, or 36
 * hours of nothing but failures, disables one), and the delivery metrics. Successes, the
 * common case, cost one batched statement each for the attempts, the deliveries and the
 * subscriptions, however many the batch holds.
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

	private final Timer latency;

	private final Counter succeeded;

	private final Counter retrying;

	private final Counter failed;

	private final Counter abandoned;

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
		this.latency = Timer.builder("patchbay.webhooks.delivery.latency")
			.description("Time from a webhook POST to its receiver's answer")
			.publishPercentileHistogram()
			.register(meters);
		this.succeeded = outcomes(meters, "succeeded");
		this.retrying = outcomes(meters, "retrying");
		this.failed = outcomes(meters, "failed");
		this.abandoned = outcomes(meters, "abandoned");
		this.ids = ids;
		this.clock = clock;
	}

	/** Records attempts, in one transaction. */
	void record(List<Outcome> outcomes) {
		List<DeliveryRepository.AttemptRow> attempts = new ArrayList<>(outcomes.size());
		List<Outcome> successes = new ArrayList<>(outcomes.size());
		Set<Long> recovered = new LinkedHashSet<>();
		for (Outcome outcome : outcomes) {
			if (outcome.status() != null) {
				this.latency.record(Duration.ofMillis(outcome.latencyMs()));
			}
			attempts.add(new DeliveryRepository.AttemptRow(this.ids.next(), outcome.deliveryId(), outcome.at(),
					outcome.status(), outcome.latencyMs(), truncate(outcome.error()), printable(outcome.excerpt())));
			if (outcome.succeeded()) {
				successes.add(outcome);
				recovered.add(outcome.subscription().id());
			}
		}
		this.deliveries.insertAttempts(attempts);
		this.deliveries.succeeded(successes);
		this.subscriptions.recovered(recovered);
		this.succeeded.increment(successes.size());
		for (Outcome outcome : outcomes) {
			if (!outcome.succeeded()) {
				unsuccessful(outcome);
			}
		}
	}

	/** Gives up on deliveries that may no longer be sent, without an attempt. */
	void abandon(List<Long> deliveryIds, String reason) {
		this.deliveries.abandon(deliveryIds, truncate(reason));
		this.abandoned.increment(deliveryIds.size());
	}

	private void unsuccessful(Outcome outcome) {
		String error = (outcome.error() != null) ? outcome.error() : "Failed";
		if (Integer.valueOf(410).equals(outcome.status())) {
			finish(outcome, error, DeliveryStatus.FAILED, null);
			disable(outcome.subscription(), "The callback answered 410 Gone");
			return;
		}
		Instant at = outcome.at();
		Optional<Instant> next = this.retries.next(outcome.attempt(), outcome.retryAfter(), at);
		finish(outcome, error, next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, next.orElse(null));
		Instant failingSince = this.subscriptions.failing(outcome.subscription().id(), at);
		if (Duration.between(failingSince, at).compareTo(this.properties.failureWindow()) >= 0) {
			disable(outcome.subscription(),
					"Every delivery failed for " + this.properties.failureWindow().toHours() + " hours");
		}
	}

	private void finish(Outcome outcome, String error, DeliveryStatus status, @Nullable Instant next) {
		this.deliveries.failed(outcome.deliveryId(), status, outcome.attempt(), outcome.at(), outcome.status(),
				truncate(error), (next != null) ? next : outcome.at());
		((status == DeliveryStatus.PENDING) ? this.retrying : this.failed).increment();
	}

	private void disable(Subscription subscription, String reason) {
		if (this.subscriptions.disable(subscription.id(), reason, this.clock.instant())) {
			this.audit.record("webhook.disabled", "integration", String.valueOf(subscription.integrationId()),
					subscription.topic().object(), reason);
			this.events.publishEvent(new SubscriptionsChanged());
		}
	}

	private static Counter outcomes(MeterRegistry meters, String outcome) {
		return meters.counter("patchbay.webhooks.deliveries", "outcome", outcome);
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
