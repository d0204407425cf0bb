package io.patchbay.workflows.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.platform.InvalidInputException;
import io.patchbay.workflows.Step;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The builder's step form: one form for every type, of which the fields of the chosen
 * type count. Field names follow the API's JSON.
 */
record StepForm(@Nullable String type, @Nullable String threadId, @Nullable String memberId, @Nullable String groupId,
		@Nullable String connection, @Nullable String method, @Nullable String url, @Nullable String body,
		@Nullable String text) {

	Step toStep(JsonMapper json) {
		return switch ((this.type != null) ? this.type : "") {
			case "send_message" ->
				new Step.SendMessage(required("threadId", this.threadId), required("text", this.text));
			case "direct_message" ->
				new Step.DirectMessage(required("memberId", this.memberId), required("text", this.text));
			case "group_post" -> new Step.GroupPost(required("groupId", this.groupId), required("text", this.text));
			case "api_call" -> new Step.ApiCall(required("connection", this.connection),
					(this.method != null) ? this.method : "GET", required("url", this.url), Map.of(), body(json));
			default -> throw new InvalidInputException("type", "Choose the type of the step");
		};
	}

	/** The form filled with a step, for editing it. */
	static Map<String, String> of(Step step, JsonMapper json) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", step.type());
		switch (step) {
			case Step.SendMessage send -> {
				fields.put("threadId", send.threadId());
				fields.put("text", send.text());
			}
			case Step.DirectMessage direct -> {
				fields.put("memberId", direct.memberId());
				fields.put("text", direct.text());
			}
			case Step.GroupPost post -> {
				fields.put("groupId", post.groupId());
				fields.put("text", post.text());
			}
			case Step.ApiCall call -> {
				fields.put("connection", call.connection());
				fields.put("method", call.method());
				fields.put("url", call.url());
				fields.put("body", (call.body() != null)
						? json.writerWithDefaultPrettyPrinter().writeValueAsString(call.body()) : "");
			}
		}
		return fields;
	}

	private @Nullable JsonNode body(JsonMapper json) {
		if (this.body == null || this.body.isBlank()) {
			return null;
		}
		try {
			return json.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "The body is not valid JSON");
		}
	}

	private static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "Fill in " + field + " for this type of step");
		}
		return value.strip();
	}

}
