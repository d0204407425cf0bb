package io.patchbay.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A deactivated member may sign in again ({@code ADMIN_REACTIVATE_ACCOUNT}). Published
 * inside the transaction.
 *
 * @param actorId the administrator who acted, or the page of the integration that did
 * (SCIM); {@code null} for the system
 */
public record MemberReactivated(long memberId, @Nullable String email, @Nullable Long actorId, Instant occurredAt) {

}
