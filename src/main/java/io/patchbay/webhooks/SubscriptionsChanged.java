package io.patchbay.webhooks;

/**
 * A subscription was added, changed, disabled or removed: the subscriber cache reloads.
 */
record SubscriptionsChanged() {

}
