package io.patchbay.workflows;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A workflow as its builder saves it: creating one, or replacing its definition.
 *
 * @param collaboratorIds members who may edit it besides its creator; {@code null} keeps
 * them as they are
 */
public record WorkflowChange(@Nullable String name, @Nullable String description, Definition definition,
		@Nullable List<Long> collaboratorIds) {

}
