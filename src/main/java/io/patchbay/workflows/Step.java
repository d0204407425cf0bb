package io.patchbay.workflows;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One step of a workflow, in the API's terms ({@code workflows.md}). Text fields may hold
 * {@code {{variable}}} references, inserted as literal text when the step runs; a
 * destination field holds an id or a single reference to a variable of its kind.
 */
public sealed interface Step {

	/** The API's name of the step's type. */
	String type();

	/** Writes {@code text} into the group chat {@code threadId} as the workflow. */
	record SendMessage(String threadId, String text) implements Step {

		public String type() {
			return "send_message";
		}

	}

	/** Writes {@code text} to member {@code memberId} in the workflow's direct thread. */
	record DirectMessage(String memberId, String text) implements Step {

		public String type() {
			return "direct_message";
		}

	}

	/** Posts {@code text} in group {@code groupId}'s feed as the workflow. */
	record GroupPost(String groupId, String text) implements Step {

		public String type() {
			return "group_post";
		}

	}

	/**
	 * Calls an external API through {@code connection}; its status and JSON body become
	 * {@code stepN.status} and {@code stepN.body…} for later steps.
	 */
	record ApiCall(String connection, String method, String url, Map<String, String> headers,
			@Nullable JsonNode body) implements Step {

		public ApiCall {
			headers = Map.copyOf(headers);
		}

		public String type() {
			return "api_call";
		}

	}

}
