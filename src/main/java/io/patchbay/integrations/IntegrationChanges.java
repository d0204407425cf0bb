package io.patchbay.integrations;

import org.jspecify.annotations.Nullable;

/**
 * An edit of an integration's details; {@code null} leaves a field as it is.
 */
public record IntegrationChanges(@Nullable String name, @Nullable String description, @Nullable Boolean enabled,
		@Nullable Boolean visible) {

}
