package io.patchbay.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A definition in the API's JSON ({@code workflows.md}), which is also how it is stored:
 * read with an error naming the field that is wrong ({@code steps[1].type}), and written
 * back in the same shape.
 */
@org.springframework.stereotype.Component
public final class DefinitionJson {

	private final JsonMapper json;

	public DefinitionJson(JsonMapper json) {
		this.json = json;
	}

	public Definition read(@Nullable JsonNode trigger, @Nullable JsonNode steps) {
		return new Definition(trigger(trigger), steps(steps));
	}

	public ObjectNode write(Definition definition) {
		ObjectNode node = this.json.createObjectNode();
		node.set("trigger", trigger(definition.trigger()));
		ArrayNode steps = node.putArray("steps");
		definition.steps().forEach((step) -> steps.add(step(step)));
		return node;
	}

	Definition parse(String stored) {
		JsonNode node = this.json.readTree(stored);
		return read(node.get("trigger"), node.get("steps"));
	}

	public ObjectNode trigger(Trigger trigger) {
		ObjectNode node = this.json.createObjectNode();
		node.put("type", trigger.type());
		if (trigger.threadId() != null) {
			node.put("threadId", trigger.threadId());
		}
		ArrayNode variables = node.putArray("variables");
		trigger.variables()
			.forEach((variable) -> variables.addObject()
				.put("key", variable.key())
				.put("type", variable.type().apiName()));
		return node;
	}

	public ObjectNode step(Step step) {
		ObjectNode node = this.json.createObjectNode().put("type", step.type());
		switch (step) {
			case Step.SendMessage send -> node.put("threadId", send.threadId()).put("text", send.text());
			case Step.DirectMessage direct -> node.put("memberId", direct.memberId()).put("text", direct.text());
			case Step.GroupPost post -> node.put("groupId", post.groupId()).put("text", post.text());
			case Step.ApiCall call -> {
				node.put("connection", call.connection()).put("method", call.method()).put("url", call.url());
				if (!call.headers().isEmpty()) {
					ObjectNode headers = node.putObject("headers");
					call.headers().forEach(headers::put);
				}
				if (call.body() != null) {
					node.set("body", call.body());
				}
			}
		}
		return node;
	}

	private Trigger trigger(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new InvalidInputException("trigger", "trigger is required: {\"type\":\"webhook\",\"variables\":[…]}");
		}
		String type = text(node, "trigger", "type", Trigger.WEBHOOK);
		if (!List.of(Trigger.WEBHOOK, Trigger.SHORTCUT, Trigger.MEMBER_JOINED).contains(type)) {
			throw new InvalidInputException("trigger.type", "trigger.type must be webhook, shortcut or member_joined");
		}
		JsonNode variables = node.get("variables");
		List<Variable> read = new ArrayList<>();
		if (variables != null && !variables.isNull()) {
			if (!variables.isArray()) {
				throw new InvalidInputException("trigger.variables", "trigger.variables must be a list");
			}
			for (int i = 0; i < variables.size(); i++) {
				String field = "trigger.variables[" + i + "]";
				JsonNode variable = variables.get(i);
				if (!variable.isObject()) {
					throw new InvalidInputException(field, field + " must be {\"key\":…,\"type\":…}");
				}
				read.add(new Variable(required(variable, field, "key"),
						Variable.Type.of(field + ".type", text(variable, field, "type", "text"))));
			}
		}
		if (Trigger.WEBHOOK.equals(type)) {
			return Trigger.webhook(read);
		}
		if (!read.isEmpty()) {
			throw new InvalidInputException("trigger.variables",
					"Only webhook triggers declare variables; this one gives {{member}} and {{channel}}");
		}
		return new Trigger(type, List.of(), required(node, "trigger", "threadId"));
	}

	private List<Step> steps(@Nullable JsonNode node) {
		if (node == null || !node.isArray()) {
			throw new InvalidInputException("steps", "steps must be a list of steps");
		}
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			steps.add(step("steps[" + i + "]", node.get(i)));
		}
		return steps;
	}

	private Step step(String field, JsonNode node) {
		if (!node.isObject()) {
			throw new InvalidInputException(field, field + " must be an object with a type");
		}
		String type = required(node, field, "type");
		return switch (type) {
			case "send_message" ->
				new Step.SendMessage(required(node, field, "threadId"), required(node, field, "text"));
			case "direct_message" ->
				new Step.DirectMessage(required(node, field, "memberId"), required(node, field, "text"));
			case "group_post" -> new Step.GroupPost(required(node, field, "groupId"), required(node, field, "text"));
			case "api_call" -> new Step.ApiCall(required(node, field, "connection"),
					text(node, field, "method", "GET").toUpperCase(Locale.ROOT), required(node, field, "url"),
					headers(field, node.get("headers")), body(node.get("body")));
			default -> throw new InvalidInputException(field + ".type",
					field + ".type must be send_message, direct_message, group_post or api_call");
		};
	}

	private static Map<String, String> headers(String field, @Nullable JsonNode node) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return headers;
		}
		if (!node.isObject()) {
			throw new InvalidInputException(field + ".headers", field + ".headers must be an object of strings");
		}
		for (Map.Entry<String, JsonNode> header : node.properties()) {
			if (!header.getValue().isString()) {
				throw new InvalidInputException(field + ".headers", field + ".headers must be an object of strings");
			}
			headers.put(header.getKey(), header.getValue().asString());
		}
		return headers;
	}

	private static @Nullable JsonNode body(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node;
	}

	private static String required(JsonNode node, String field, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || (value.isString() && value.asString().isBlank())) {
			throw new InvalidInputException(field + "." + name, field + "." + name + " is required");
		}
		return text(node, field, name, "");
	}

	private static String text(JsonNode node, String field, String name, String fallback) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isString()) {
			throw new InvalidInputException(field + "." + name, field + "." + name + " must be a string");
		}
		return value.asString();
	}

}
