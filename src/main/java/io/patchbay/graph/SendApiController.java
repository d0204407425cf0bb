package io.patchbay.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.Messages;
import io.patchbay.chat.Threads;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Send API, {@code POST /me/messages}, as the bot: to a member ({@code {"id"}},
 * {@code message_any_member}), to a new group chat ({@code {"ids"}},
 * {@code group_chat_bot}) or into a thread it is in ({@code {"thread_key"}},
 * {@code group_chat_bot}); a message, or a {@code sender_action} alone. Bots written for
 * Workplace send {@code recipient} and {@code message} as JSON text in form fields or as
 * a JSON body: both work.
 */
@RestController
class SendApiController {

	private final Messages messages;

	private final Threads threads;

	SendApiController(Messages messages, Threads threads) {
		this.messages = messages;
		this.threads = threads;
	}

	@PostMapping("/graph/me/messages")
	Map<String, Object> send(GraphCaller caller) {
		JsonNode recipient = caller.parameters().json("recipient");
		if (recipient == null || !recipient.isObject()) {
			throw GraphException.invalidParameter("(#100) The parameter recipient is required");
		}
		String action = caller.parameters().value("sender_action");
		JsonNode message = caller.parameters().json("message");
		if (action != null) {
			if (message != null) {
				throw GraphException.invalidParameter("(#100) sender_action is sent alone, without message");
			}
			return senderAction(caller, recipient, action);
		}
		if (message == null) {
			throw GraphException.invalidParameter("(#100) The parameter message is required");
		}
		MessageContent content = SendApiRequests.message(message);
		try {
			if (recipient.has("thread_key")) {
				long threadId = thread(recipient);
				Message sent = this.messages.send(caller.actor(), threadId, content);
				return answer(ChatThread.apiId(threadId), sent, null);
			}
			if (recipient.has("ids")) {
				Messages.Sent sent = this.messages.sendToNewGroup(caller.actor(), members(recipient.get("ids")),
						content);
				return answer(ChatThread.apiId(sent.thread().id()), sent.message(),
						ChatThread.apiId(sent.thread().id()));
			}
			long memberId = member(recipient.get("id"));
			Messages.Sent sent = this.messages.sendToMember(caller.actor(), memberId, content);
			return answer(String.valueOf(memberId), sent.message(), null);
		}
		catch (InvalidInputException ex) {
			throw recipientError(ex);
		}
	}

	/** {@code typing_on}, {@code typing_off}, {@code mark_seen}. */
	private Map<String, Object> senderAction(GraphCaller caller, JsonNode recipient, String action) {
		if (!List.of("typing_on", "typing_off", "mark_seen").contains(action)) {
			throw GraphException.invalidParameter("(#100) sender_action must be typing_on, typing_off or mark_seen");
		}
		long threadId;
		String recipientId;
		if (recipient.has("thread_key")) {
			threadId = thread(recipient);
			recipientId = ChatThread.apiId(threadId);
		}
		else {
			long memberId = member(recipient.get("id"));
			try {
				threadId = this.threads.open(caller.actor(), List.of(memberId), null).thread().id();
			}
			catch (InvalidInputException ex) {
				throw recipientError(ex);
			}
			recipientId = String.valueOf(memberId);
		}
		if (action.equals("mark_seen")) {
			this.threads.find(caller.actor(), threadId);
		}
		else {
			this.messages.typing(caller.actor(), threadId, action.equals("typing_on"));
		}
		return Map.of("recipient_id", recipientId);
	}

	private static Map<String, Object> answer(String recipientId, Message message, String threadKey) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("recipient_id", recipientId);
		answer.put("message_id", Message.apiId(message.id()));
		if (threadKey != null) {
			answer.put("thread_key", threadKey);
		}
		return answer;
	}

	private static long thread(JsonNode recipient) {
		JsonNode key = recipient.get("thread_key");
		if (key == null || !key.isString() || !key.asString().startsWith("t_")
				|| Ids.parse(key.asString().substring(2)) <= 0) {
			throw GraphException.invalidParameter("(#100) recipient.thread_key must be a thread id (t_…)");
		}
		return Ids.parse(key.asString().substring(2));
	}

	private static long member(JsonNode id) {
		long parsed = (id != null && (id.isString() || id.isIntegralNumber())) ? Ids.parse(id.asString()) : -1;
		if (parsed <= 0) {
			throw GraphException.invalidParameter("(#100) recipient.id must be a member id");
		}
		return parsed;
	}

	private static List<Long> members(JsonNode ids) {
		if (ids == null || !ids.isArray() || ids.isEmpty()) {
			throw GraphException.invalidParameter("(#100) recipient.ids must list member ids");
		}
		List<Long> members = new ArrayList<>();
		for (JsonNode id : ids) {
			long parsed = (id.isString() || id.isIntegralNumber()) ? Ids.parse(id.asString()) : -1;
			if (parsed <= 0) {
				throw GraphException.invalidParameter("(#100) recipient.ids must list member ids");
			}
			members.add(parsed);
		}
		return members;
	}

	/** Chat names its participants; the Send API calls them the recipient. */
	private static RuntimeException recipientError(InvalidInputException ex) {
		return "participantIds".equals(ex.field())
				? GraphException.invalidParameter("(#100) recipient: " + ex.getMessage()) : ex;
	}

}
