package io.patchbay.integrations;

/**
 * A custom integration, or a bot: a custom integration that members chat with.
 */
public enum IntegrationKind {

	CUSTOM, BOT

}
