package io.patchbay.webhooks;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An integration's subscription to one topic; the verify token stays in the database.
 *
 * @param disabledReason why Patchbay disabled it (410 Gone, 36 hours of failures)
 * @param failingSince when its deliveries began failing without a success since
 */
public record Subscription(long id, long integrationId, Topic topic, String callbackUrl, List<String> fields,
		boolean active, @Nullable String disabledReason, @Nullable Instant failingSince, Instant createdAt,
		Instant updatedAt) {

}
