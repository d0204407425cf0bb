package io.patchbay.workflows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.patchbay.platform.InvalidInputException;

/**
 * What a definition must be, whoever saves it ({@code workflows.md}): at most 20
 * variables with keys of 1–64 letters, digits or {@code _}, each once; up to 20 steps (a
 * draft may have none yet, a published workflow has one at least); every
 * {@code {{reference}}} naming a declared variable or an earlier API call, and every
 * destination an id or one variable of its kind. Whether the destinations exist and may
 * be reached is the caller's to check ({@link Workflows}).
 */
final class DefinitionRules {

	static final int MAX_VARIABLES = 20;

	static final int MAX_STEPS = 20;

	static final int MAX_TEXT = 5_000;

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");

	private static final Pattern THREAD = Pattern.compile("t_[0-9]{1,19}");

	private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private DefinitionRules() {
	}

	/** A published workflow does something: it has a step. */
	static void checkPublishable(Definition definition) {
		check(definition);
		if (definition.steps().isEmpty()) {
			throw new InvalidInputException("steps", "Add a step before publishing the workflow");
		}
	}

	static void check(Definition definition) {
		Trigger trigger = definition.trigger();
		if (!trigger.webhook() && (trigger.threadId() == null || !THREAD.matcher(trigger.threadId()).matches())) {
			throw new InvalidInputException("trigger.threadId", "trigger.threadId must be a thread id (t_…)");
		}
		List<Variable> variables = trigger.available();
		if (variables.size() > MAX_VARIABLES) {
			throw new InvalidInputException("trigger.variables", "A workflow declares at most 20 variables");
		}
		Map<String, Variable.Type> declared = new HashMap<>();
		for (int i = 0; i < variables.size(); i++) {
			Variable variable = variables.get(i);
			String field = "trigger.variables[" + i + "].key";
			if (!KEY.matcher(variable.key()).matches()) {
				throw new InvalidInputException(field, field + " must be 1 to 64 letters, digits or _");
			}
			if (Template.stepOf(variable.key()) > 0) {
				throw new InvalidInputException(field, field + " cannot be step1, step2…: those name API call results");
			}
			if (declared.put(variable.key(), variable.type()) != null) {
				throw new InvalidInputException(field, "Variable " + variable.key() + " is declared twice");
			}
		}
		List<Step> steps = definition.steps();
		if (steps.size() > MAX_STEPS) {
			throw new InvalidInputException("steps", "A workflow has at most 20 steps");
		}
		Set<Integer> apiCalls = new HashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			check("steps[" + i + "]", steps.get(i), declared, apiCalls);
			if (steps.get(i) instanceof Step.ApiCall) {
				apiCalls.add(i + 1);
			}
		}
	}

	private static void check(String field, Step step, Map<String, Variable.Type> declared, Set<Integer> apiCalls) {
		switch (step) {
			case Step.SendMessage send -> {
				destination(field + ".threadId", send.threadId(), THREAD, Variable.Type.CHANNEL, declared,
						"a thread id (t_…) or one channel variable");
				text(field + ".text", send.text(), declared, apiCalls);
			}
			case Step.DirectMessage direct -> {
				destination(field + ".memberId", direct.memberId(), ID, Variable.Type.MEMBER, declared,
						"a member id or one member variable");
				text(field + ".text", direct.text(), declared, apiCalls);
			}
			case Step.GroupPost post -> {
				if (!ID.matcher(post.groupId()).matches()) {
					throw new InvalidInputException(field + ".groupId", field + ".groupId must be a group id");
				}
				text(field + ".text", post.text(), declared, apiCalls);
			}
			case Step.ApiCall call -> {
				if (!METHODS.contains(call.method())) {
					throw new InvalidInputException(field + ".method",
							field + ".method must be GET, POST, PUT, PATCH or DELETE");
				}
				references(field + ".url", call.url(), declared, apiCalls);
				call.headers().values().forEach((value) -> references(field + ".headers", value, declared, apiCalls));
				if (call.body() != null) {
					references(field + ".body", call.body().toString(), declared, apiCalls);
				}
			}
		}
	}

	private static void destination(String field, String value, Pattern literal, Variable.Type type,
			Map<String, Variable.Type> declared, String expected) {
		String reference = Template.soleReference(value);
		boolean valid = (reference != null) ? declared.get(reference) == type : literal.matcher(value).matches();
		if (!valid) {
			throw new InvalidInputException(field, field + " must be " + expected);
		}
	}

	private static void text(String field, String text, Map<String, Variable.Type> declared, Set<Integer> apiCalls) {
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException(field, field + " must be at most 5,000 characters");
		}
		references(field, text, declared, apiCalls);
	}

	private static void references(String field, String text, Map<String, Variable.Type> declared,
			Set<Integer> apiCalls) {
		for (String reference : Template.references(text)) {
			int step = Template.stepOf(reference);
			boolean known = (step > 0) ? apiCalls.contains(step) && validResultPath(Template.pathOf(reference))
					: !reference.contains(".") && declared.containsKey(reference);
			if (!known) {
				throw new InvalidInputException(field, "{{" + reference + "}} names no variable"
						+ " nor the status or body of an earlier API call step");
			}
		}
	}

	private static boolean validResultPath(List<String> path) {
		return (path.size() == 1 && path.getFirst().equals("status"))
				|| (!path.isEmpty() && path.getFirst().equals("body"));
	}

}
