package io.patchbay.workflows;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one step of a run did.
 *
 * @param step the step's number, from 1
 * @param output what later steps and the run history may read: for a message its id and
 * thread, for an API call its {@code status} and {@code body}
 * @param durationMs how long the step took
 */
public record StepResult(int step, String type, boolean succeeded, @Nullable String error, Map<String, Object> output,
		long durationMs) {

}
