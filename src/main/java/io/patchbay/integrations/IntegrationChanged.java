package io.patchbay.integrations;

/**
 * Published by every change to an integration or its secrets, so that caches of it are
 * dropped.
 */
public record IntegrationChanged(long integrationId) {

}
