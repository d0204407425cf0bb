package io.patchbay.workflows;

import java.util.List;

/** What a workflow does: its trigger, and its steps in the order they run. */
public record Definition(Trigger trigger, List<Step> steps) {

	public Definition {
		steps = List.copyOf(steps);
	}

}
