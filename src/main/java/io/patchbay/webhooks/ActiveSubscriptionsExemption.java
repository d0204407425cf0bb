package io.patchbay.webhooks;

import io.patchbay.integrations.DormancyExemption;

import org.springframework.stereotype.Component;

/**
 * An integration that still receives webhooks is in use, even without API calls: dormancy
 * leaves it enabled.
 */
@Component
class ActiveSubscriptionsExemption implements DormancyExemption {

	private final SubscriptionRepository subscriptions;

	ActiveSubscriptionsExemption(SubscriptionRepository subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public boolean exempts(long integrationId) {
		return this.subscriptions.anyActive(integrationId);
	}

}
