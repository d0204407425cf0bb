package io.patchbay.webhooks;

import java.util.Set;
import java.util.stream.Collectors;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Permission;
import org.jspecify.annotations.Nullable;

/**
 * An active subscription with its integration as it stood when cached: what the outbox
 * needs to decide, without a query, whether an event goes to it, and what the engine
 * checks again before sending.
 */
record Subscriber(Subscription subscription, Integration integration) {

	boolean receives(String field) {
		return refusal(field, null) == null;
	}

	boolean reachesGroup(long groupId) {
		return this.integration.groupAccess().reaches(groupId);
	}

	/**
	 * Why the subscriber may not receive an entry of the field (about the group, for the
	 * {@code group} topic), or {@code null} when it may: the integration enabled, the
	 * field subscribed to, a permission for it held, the group within the group access.
	 */
	@Nullable String refusal(String field, @Nullable Long groupId) {
		if (!this.integration.enabled()) {
			return "The integration is disabled";
		}
		if (!this.subscription.fields().contains(field)) {
			return "The subscription no longer lists the field " + field;
		}
		Set<Permission> needed = this.subscription.topic().permissionsFor(field);
		if (needed.stream().noneMatch(this.integration::holds)) {
			return "The integration no longer holds "
					+ needed.stream().map(Permission::apiName).sorted().collect(Collectors.joining(" or "));
		}
		if (groupId != null && !reachesGroup(groupId)) {
			return "Group " + groupId + " is outside the integration's group access";
		}
		return null;
	}

}
