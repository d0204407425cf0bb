package io.patchbay.integrations;

/**
 * Lets another module keep an unused integration enabled; the webhooks module exempts
 * integrations with an active subscription.
 */
public interface DormancyExemption {

	boolean exempts(long integrationId);

}
