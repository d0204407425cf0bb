package io.patchbay.integrations;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A custom integration or bot as administrators see it; never carries its secrets.
 *
 * @param pageId the integration's own identity: the author of what it posts and the bot
 * members chat with
 * @param disabledReason {@code DORMANT} when Patchbay disabled it for lack of use
 */
public record Integration(long id, long appId, long pageId, IntegrationKind kind, String name, String description,
		boolean enabled, boolean visible, Set<Permission> permissions, GroupAccess groupAccess,
		SecuritySettings security, boolean hasLogo, boolean hasAccessToken, @Nullable String disabledReason,
		Instant createdAt, Instant updatedAt) {

	public static final String DORMANT = "DORMANT";

	public boolean holds(Permission permission) {
		return this.permissions.contains(permission);
	}

}
