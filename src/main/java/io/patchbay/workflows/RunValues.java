package io.patchbay.workflows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import io.patchbay.accounts.MemberProfile;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriUtils;

/**
 * The values a run's steps read: the trigger's variables (a member's as the member) and
 * the results of the API calls run so far. Every value is inserted as literal text, in
 * the form of the field it lands in: a chat message shows a member as {@code @Name}, a
 * group post mentions them ({@code @[id]}) while a value that merely looks like a mention
 * is kept from becoming one, a URL gets values percent-encoded, a JSON body gets them as
 * strings (which Jackson escapes).
 */
final class RunValues {

	/** Where a rendered text goes. */
	enum Field {

		CHAT, POST, URL, PLAIN

	}

	/**
	 * Put between {@code @} and {@code [} of a value that looks like a mention: shown the
	 * same, read as text.
	 */
	private static final String WORD_JOINER = "\u2060";

	private final Map<String, String> variables;

	private final Map<String, MemberProfile> members;

	private final Map<Integer, StepResult> results = new HashMap<>();

	private final tools.jackson.databind.json.JsonMapper json;

	RunValues(Map<String, String> variables, Map<String, MemberProfile> members,
			tools.jackson.databind.json.JsonMapper json) {
		this.variables = variables;
		this.members = members;
		this.json = json;
	}

	void add(StepResult result) {
		this.results.put(result.step(), result);
	}

	String render(String template, Field field) {
		Matcher matcher = Template.REFERENCE.matcher(template);
		StringBuilder out = new StringBuilder();
		int start = 0;
		while (matcher.find()) {
			out.append(template, start, matcher.start()).append(value(matcher.group(1), field));
			start = matcher.end();
		}
		return out.append(template.substring(start)).toString();
	}

	/** A destination: the id a field or its one variable holds. */
	String destination(String field) {
		String reference = Template.soleReference(field);
		if (reference == null) {
			return field.strip();
		}
		MemberProfile member = this.members.get(reference);
		return (member != null) ? String.valueOf(member.id()) : this.variables.getOrDefault(reference, "");
	}

	/** A JSON body with references replaced in its strings, and in its keys. */
	JsonNode render(JsonNode body) {
		if (body.isString()) {
			return this.json.getNodeFactory().stringNode(render(body.asString(), Field.PLAIN));
		}
		if (body.isArray()) {
			var array = this.json.createArrayNode();
			body.forEach((item) -> array.add(render(item)));
			return array;
		}
		if (body.isObject()) {
			var object = this.json.createObjectNode();
			body.properties()
				.forEach((entry) -> object.set(render(entry.getKey(), Field.PLAIN), render(entry.getValue())));
			return object;
		}
		return body;
	}

	private String value(String reference, Field field) {
		int step = Template.stepOf(reference);
		String text;
		if (step > 0) {
			text = result(step, Template.pathOf(reference));
		}
		else {
			MemberProfile member = this.members.get(reference);
			if (member != null) {
				return switch (field) {
					case CHAT -> "@" + member.name();
					case POST -> "@[" + member.id() + "]";
					case URL -> String.valueOf(member.id());
					case PLAIN -> String.valueOf(member.id());
				};
			}
			text = this.variables.getOrDefault(reference, "");
		}
		return switch (field) {
			case POST -> text.replace("@[", "@" + WORD_JOINER + "[");
			case URL -> UriUtils.encode(text, StandardCharsets.UTF_8);
			case CHAT, PLAIN -> text;
		};
	}

	private String result(int step, List<String> path) {
		StepResult result = this.results.get(step);
		if (result == null) {
			return "";
		}
		JsonNode node = this.json.valueToTree(result.output());
		for (String name : path) {
			node = node.isArray() ? node.path(index(name)) : node.path(name);
		}
		if (node.isMissingNode() || node.isNull()) {
			return "";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static int index(String name) {
		try {
			return Integer.parseInt(name);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@Nullable MemberProfile member(String key) {
		return this.members.get(key);
	}

}
