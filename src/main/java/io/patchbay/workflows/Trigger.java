package io.patchbay.workflows;

import java.util.List;

/**
 * What starts a workflow. Only the webhook trigger exists so far: an HTTP POST of the
 * declared variables to the workflow's secret URL.
 */
public record Trigger(List<Variable> variables) {

	public static final String WEBHOOK = "webhook";

	public Trigger {
		variables = List.copyOf(variables);
	}

	public String type() {
		return WEBHOOK;
	}

}
