package io.patchbay.webhooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One POST to a subscriber, as the delivery log shows it.
 *
 * @param webhookId stable across retries, so receivers can drop duplicates
 * @param payload the body sent (null while the first attempt has not been made)
 * @param attempts every attempt, oldest first (empty in list views)
 */
public record Delivery(long id, long integrationId, Topic topic, String field, String webhookId, DeliveryStatus status,
		int entryCount, int attemptCount, Instant createdAt, @Nullable Instant lastAttemptAt,
		@Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError,
		@Nullable String payload, List<Attempt> attempts) {

	public record Attempt(Instant at, @Nullable Integer statusCode, long latencyMs, @Nullable String error,
			@Nullable String responseExcerpt) {
	}

}
