package io.patchbay.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.integrations.Integrations;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.webhooks.Deliveries;
import io.patchbay.webhooks.Delivery;
import io.patchbay.webhooks.DeliveryStatus;
import io.patchbay.webhooks.HandshakeFailedException;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Subscriptions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API rows of {@code integrations.md} for webhooks and deliveries.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasAuthority('manage_integrations')")
class WebhookAdminController {

	record SubscribeRequest(@Nullable String callbackUrl, @Nullable String verifyToken, @Nullable List<String> fields) {
	}

	record SubscriptionView(String topic, String callbackUrl, List<String> fields, boolean active,
			@Nullable String disabledReason, @Nullable Instant failingSince, Instant updatedAt) {

		static SubscriptionView of(Subscription subscription) {
			return new SubscriptionView(subscription.topic().object(), subscription.callbackUrl(),
					subscription.fields(), subscription.active(), subscription.disabledReason(),
					subscription.failingSince(), subscription.updatedAt());
		}

	}

	private final Subscriptions subscriptions;

	private final Deliveries deliveries;

	private final Integrations integrations;

	WebhookAdminController(Subscriptions subscriptions, Deliveries deliveries, Integrations integrations) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.integrations = integrations;
	}

	@PutMapping("/integrations/{id}/webhooks/{topic}")
	SubscriptionView subscribe(@PathVariable long id, @PathVariable String topic,
			@RequestBody SubscribeRequest request) {
		if (request.callbackUrl() == null) {
			throw new InvalidInputException("callbackUrl", "callbackUrl is required");
		}
		if (request.verifyToken() == null) {
			throw new InvalidInputException("verifyToken", "verifyToken is required");
		}
		if (request.fields() == null) {
			throw new InvalidInputException("fields", "fields is required");
		}
		return SubscriptionView.of(this.subscriptions.subscribe(integration(id), topic, request.callbackUrl(),
				request.verifyToken(), request.fields()));
	}

	@GetMapping("/integrations/{id}/webhooks")
	Map<String, List<SubscriptionView>> subscriptions(@PathVariable long id) {
		return Map.of("data", this.subscriptions.of(integration(id)).stream().map(SubscriptionView::of).toList());
	}

	@DeleteMapping("/integrations/{id}/webhooks/{topic}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe(@PathVariable long id, @PathVariable String topic) {
		this.subscriptions.unsubscribe(integration(id), topic);
	}

	@GetMapping("/integrations/{id}/deliveries")
	Map<String, List<DeliveryView>> deliveries(@PathVariable long id,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "50") int limit) {
		DeliveryStatus filter = null;
		if (status != null && !status.isBlank()) {
			filter = DeliveryStatus.of(status)
				.orElseThrow(() -> new InvalidInputException("status", "status must be pending, succeeded or failed"));
		}
		return Map.of("data",
				this.deliveries.of(integration(id), filter, limit)
					.stream()
					.map((delivery) -> DeliveryView.of(delivery, false))
					.toList());
	}

	@GetMapping("/deliveries/{deliveryId}")
	DeliveryView delivery(@PathVariable long deliveryId) {
		return DeliveryView.of(this.deliveries.find(deliveryId), true);
	}

	@PostMapping("/deliveries/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DeliveryView redeliver(@PathVariable long deliveryId) {
		return DeliveryView.of(this.deliveries.redeliver(deliveryId), true);
	}

	@ExceptionHandler
	ProblemDetail handshakeFailed(HandshakeFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setProperty("field", "callbackUrl");
		return problem;
	}

	private long integration(long id) {
		return this.integrations.find(id).id();
	}

	record DeliveryView(String id, String topic, String field, String webhookId, String status, int entryCount,
			int attemptCount, Instant createdAt, @Nullable Instant lastAttemptAt, @Nullable Instant nextAttemptAt,
			@Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable String payload,
			@Nullable List<Delivery.Attempt> attempts) {

		static DeliveryView of(Delivery delivery, boolean detailed) {
			return new DeliveryView(String.valueOf(delivery.id()), delivery.topic().object(), delivery.field(),
					delivery.webhookId(), delivery.status().apiName(), delivery.entryCount(), delivery.attemptCount(),
					delivery.createdAt(), delivery.lastAttemptAt(), delivery.nextAttemptAt(), delivery.lastStatusCode(),
					delivery.lastError(), detailed ? delivery.payload() : null, detailed ? delivery.attempts() : null);
		}

	}

}
