package io.patchbay.accounts;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A member's profile fields changed (webhook {@code user} {@code status} for
 * {@code title} and {@code department}). Published inside the transaction.
 *
 * @param changedFields the names of the changed fields, as in {@link MemberDetails}
 * @param actorId the administrator who acted, or the page of the integration that did
 * (SCIM); {@code null} for the system
 */
public record MemberProfileChanged(long memberId, Set<String> changedFields, @Nullable Long actorId,
		Instant occurredAt) {

}
