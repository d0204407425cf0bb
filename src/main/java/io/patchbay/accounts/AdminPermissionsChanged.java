package io.patchbay.accounts;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A member's admin permissions changed ({@code ADMIN_ASSIGN_ROLE} for {@code granted},
 * {@code ADMIN_REMOVE_ROLE} for {@code removed}). Published inside the transaction.
 *
 * @param actorId the administrator who acted, {@code null} for the system
 */
public record AdminPermissionsChanged(long memberId, @Nullable String email, Set<AdminPermission> granted,
		Set<AdminPermission> removed, @Nullable Long actorId, Instant occurredAt) {

}
