package io.patchbay.integrations;

/**
 * Published inside the deleting transaction, so that the modules holding the
 * integration's content (posts, comments, messages, subscriptions) delete it atomically.
 */
public record IntegrationDeleted(long integrationId, long pageId, String name) {

}
