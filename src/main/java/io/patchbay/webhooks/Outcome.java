package io.patchbay.webhooks;

import java.time.Instant;

import io.patchbay.platform.OutboundResponse;
import org.jspecify.annotations.Nullable;

/**
 * What one POST of a delivery came to, as its sender saw it, waiting to be recorded.
 *
 * @param attempt the attempt's number, from 1
 * @param status the receiver's HTTP status; {@code null} when it did not answer
 * @param error why the attempt failed; {@code null} when it succeeded
 * @param retryAfter the receiver's {@code Retry-After}, if it sent one
 */
record Outcome(long deliveryId, Subscription subscription, int attempt, Instant at, @Nullable Integer status,
		long latencyMs, @Nullable String error, @Nullable String excerpt, @Nullable String retryAfter) {

	static Outcome answered(long deliveryId, Subscription subscription, int attempt, Instant at,
			OutboundResponse response) {
		String error = null;
		if (!response.successful()) {
			error = (response.status() >= 300 && response.status() < 400)
					? "Redirect (HTTP " + response.status() + ") not followed" : "HTTP " + response.status();
		}
		return new Outcome(deliveryId, subscription, attempt, at, response.status(), response.latency().toMillis(),
				error, response.bodyExcerpt(), response.header("retry-after"));
	}

	static Outcome failed(long deliveryId, Subscription subscription, int attempt, Instant at, long latencyMs,
			String error) {
		return new Outcome(deliveryId, subscription, attempt, at, null, latencyMs, error, null, null);
	}

	boolean succeeded() {
		return this.error == null;
	}

}
