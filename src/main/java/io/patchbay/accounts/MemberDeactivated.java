package io.patchbay.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member can no longer sign in ({@code ADMIN_DEACTIVATE_ACCOUNT}); their sessions end
 * at once and listeners close their open streams. Published inside the transaction.
 *
 * @param actorId the administrator who acted, or the page of the integration that did
 * (SCIM); {@code null} for the system
 */
public record MemberDeactivated(long memberId, @Nullable String email, @Nullable Long actorId, Instant occurredAt) {

}
