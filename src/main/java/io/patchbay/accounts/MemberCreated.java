package io.patchbay.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member account was created ({@code ADMIN_CREATE_ACCOUNT}), published inside the
 * creating transaction.
 *
 * @param actorId the administrator who acted, or the page of the integration that did
 * (SCIM); {@code null} for the system
 */
public record MemberCreated(long memberId, @Nullable String email, @Nullable Long actorId, Instant occurredAt) {

}
