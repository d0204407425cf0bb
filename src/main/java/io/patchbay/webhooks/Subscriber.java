package io.patchbay.webhooks;

import io.patchbay.integrations.Integration;

/**
 * An active subscription with its integration as it stood when cached: what the outbox
 * needs to decide, without a query, whether an event goes to it.
 */
record Subscriber(Subscription subscription, Integration integration) {

	boolean receives(String field) {
		return this.integration.enabled() && this.subscription.fields().contains(field)
				&& this.subscription.topic().permissionsFor(field).stream().anyMatch(this.integration::holds);
	}

	boolean reachesGroup(long groupId) {
		return this.integration.groupAccess().reaches(groupId);
	}

}
