package io.patchbay.workflows;

import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.Messages;
import io.patchbay.community.Formatting;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.connections.ApiCall;
import io.patchbay.connections.ApiCallResult;
import io.patchbay.connections.Connections;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Does one step as the workflow, through the modules' own APIs (so their rules apply):
 * chat messages, group posts, API calls through a connection. A test sends every message
 * to the tester's direct messages instead. A refusal or a failed call is thrown, and
 * stops the run.
 */
@Component
class StepRunner {

	private final Messages messages;

	private final Posts posts;

	private final Connections connections;

	private final JsonMapper json;

	StepRunner(Messages messages, Posts posts, Connections connections, JsonMapper json) {
		this.messages = messages;
		this.posts = posts;
		this.connections = connections;
		this.json = json;
	}

	/**
	 * Whether the step writes only to Patchbay's database (and so commits with its
	 * record).
	 */
	static boolean internal(Step step) {
		return !(step instanceof Step.ApiCall);
	}

	/** Runs the step and answers its output; the run's record is the caller's. */
	Map<String, Object> run(Actor.Workflow workflow, Step step, RunValues values, @Nullable Long testerId) {
		return switch (step) {
			case Step.SendMessage send -> {
				String text = values.render(send.text(), RunValues.Field.CHAT);
				yield (testerId != null) ? direct(workflow, testerId, text) : sent(this.messages.send(workflow,
						threadId(values.destination(send.threadId())), MessageContent.text(text)));
			}
			case Step.DirectMessage direct -> {
				long member = (testerId != null) ? testerId : Ids.parse(values.destination(direct.memberId()));
				yield direct(workflow, member, values.render(direct.text(), RunValues.Field.CHAT));
			}
			case Step.GroupPost post -> {
				if (testerId != null) {
					yield direct(workflow, testerId, values.render(post.text(), RunValues.Field.CHAT));
				}
				Post created = this.posts.create(workflow, Ids.parse(post.groupId()),
						values.render(post.text(), RunValues.Field.POST), Formatting.PLAINTEXT, null);
				yield Map.of("postId", created.groupId() + "_" + created.id());
			}
			case Step.ApiCall call -> call(workflow, call, values);
		};
	}

	private Map<String, Object> direct(Actor.Workflow workflow, long memberId, String text) {
		return sent(this.messages.sendToMember(workflow, memberId, MessageContent.text(text)).message());
	}

	private Map<String, Object> call(Actor.Workflow workflow, Step.ApiCall call, RunValues values) {
		Map<String, String> headers = new LinkedHashMap<>();
		call.headers().forEach((name, value) -> headers.put(name, values.render(value, RunValues.Field.PLAIN)));
		String body = null;
		if (call.body() != null) {
			body = this.json.writeValueAsString(values.render(call.body()));
			headers.putIfAbsent("Content-Type", "application/json");
		}
		ApiCallResult result = this.connections.call(workflow, call.connection(),
				new ApiCall(call.method(), values.render(call.url(), RunValues.Field.URL), headers, body));
		Map<String, Object> output = new LinkedHashMap<>();
		output.put("status", result.status());
		output.put("body", parsed(result.body()));
		if (result.status() >= 400) {
			throw new StepFailedException("The API answered " + result.status(), output);
		}
		return output;
	}

	private Object parsed(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return body;
		}
	}

	private static long threadId(String apiId) {
		return ChatThread.parseApiId(apiId);
	}

	private static Map<String, Object> sent(Message message) {
		return Map.of("messageId", Message.apiId(message.id()), "threadId", ChatThread.apiId(message.threadId()));
	}

	/** A step that ran and failed, with what it got (an API's error answer). */
	static class StepFailedException extends RuntimeException {

		private final Map<String, Object> output;

		StepFailedException(String message, Map<String, Object> output) {
			super(message);
			this.output = output;
		}

		Map<String, Object> output() {
			return this.output;
		}

	}

}
