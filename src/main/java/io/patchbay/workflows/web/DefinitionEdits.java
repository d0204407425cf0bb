package io.patchbay.workflows.web;

import java.util.ArrayList;
import java.util.List;

import io.patchbay.platform.InvalidInputException;
import io.patchbay.workflows.Definition;
import io.patchbay.workflows.Step;
import io.patchbay.workflows.Trigger;
import io.patchbay.workflows.Variable;

/**
 * What the builder's forms change in a definition, one edit at a time; the module checks
 * the result as it would any definition saved through the API.
 */
final class DefinitionEdits {

	private DefinitionEdits() {
	}

	static Definition withVariable(Definition definition, String key, Variable.Type type) {
		List<Variable> variables = new ArrayList<>(definition.trigger().variables());
		variables.add(new Variable(key.strip(), type));
		return new Definition(Trigger.webhook(variables), definition.steps());
	}

	static Definition withoutVariable(Definition definition, String key) {
		List<Variable> variables = new ArrayList<>(definition.trigger().variables());
		variables.removeIf((variable) -> variable.key().equals(key));
		return new Definition(Trigger.webhook(variables), definition.steps());
	}

	/** Another kind of trigger; a webhook keeps its variables, the others have none. */
	static Definition withTrigger(Definition definition, String type,
			@org.jspecify.annotations.Nullable String threadId) {
		Trigger trigger = Trigger.WEBHOOK.equals(type) ? Trigger.webhook(definition.trigger().variables())
				: new Trigger(type, java.util.List.of(), threadId);
		return new Definition(trigger, definition.steps());
	}

	/** Adds the step at the end, or replaces step {@code number} (from 1). */
	static Definition withStep(Definition definition, Step step, int number) {
		List<Step> steps = new ArrayList<>(definition.steps());
		if (number <= 0) {
			steps.add(step);
		}
		else {
			steps.set(index(steps, number), step);
		}
		return new Definition(definition.trigger(), steps);
	}

	static Definition withoutStep(Definition definition, int number) {
		List<Step> steps = new ArrayList<>(definition.steps());
		steps.remove(index(steps, number));
		return new Definition(definition.trigger(), steps);
	}

	/** Moves step {@code number} one place up (earlier) or down. */
	static Definition moved(Definition definition, int number, boolean up) {
		List<Step> steps = new ArrayList<>(definition.steps());
		int from = index(steps, number);
		int to = up ? from - 1 : from + 1;
		if (to >= 0 && to < steps.size()) {
			steps.add(to, steps.remove(from));
		}
		return new Definition(definition.trigger(), steps);
	}

	private static int index(List<Step> steps, int number) {
		if (number < 1 || number > steps.size()) {
			throw new InvalidInputException("step", "The workflow has no step " + number);
		}
		return number - 1;
	}

}
