package io.patchbay.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.Messages;
import io.patchbay.chat.Participant;
import io.patchbay.chat.Threads;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.patchbay.graph.MemberView.put;

/**
 * Threads as the Graph API shows them ({@code t_<id>}): a thread's participants and name,
 * its messages, changing a group chat's participants and name, and a member's
 * conversations for compliance integrations. Who may read or change which thread is
 * chat's decision.
 */
@RestController
class ThreadsController {

	private static final Set<String> THREAD_FIELDS = Set.of("id", "name", "participants", "updated_time");

	private static final Set<String> MESSAGE_FIELDS = Set.of("id", "message", "created_time", "from", "to");

	private final Threads threads;

	private final Messages messages;

	private final GraphLinks links;

	ThreadsController(Threads threads, Messages messages, GraphLinks links) {
		this.threads = threads;
		this.messages = messages;
		this.links = links;
	}

	@GetMapping("/graph/t_{id}")
	Map<String, Object> thread(@PathVariable String id, GraphCaller caller) {
		Fields fields = caller.fields().orDefault("id", "name", "participants").allowOnly(THREAD_FIELDS, "Thread");
		return thread(this.threads.find(caller.actor(), threadId(id)), fields);
	}

	@GetMapping("/graph/t_{id}/messages")
	Map<String, Object> messages(@PathVariable String id, GraphCaller caller) {
		long threadId = threadId(id);
		Fields fields = caller.fields()
			.orDefault("id", "message", "created_time", "from")
			.allowOnly(MESSAGE_FIELDS, "Message");
		ChatThread thread = this.threads.find(caller.actor(), threadId);
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<Message> page = this.messages.list(caller.actor(), threadId, paging.page());
		return GraphPaging.render(page, Message::id, (message) -> message(message, thread, fields), caller,
				this.links.graph(), "/t_" + id + "/messages");
	}

	@PostMapping("/graph/t_{id}/participants")
	Map<String, Object> add(@PathVariable String id, GraphCaller caller) {
		this.threads.addParticipants(caller.actor(), threadId(id), memberIds(caller.parameters().json("to")));
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/t_{id}/participants")
	Map<String, Object> remove(@PathVariable String id, GraphCaller caller) {
		long threadId = threadId(id);
		for (long memberId : memberIds(caller.parameters().json("to"))) {
			this.threads.removeParticipant(caller.actor(), threadId, memberId);
		}
		return Map.of("success", true);
	}

	@PostMapping("/graph/t_{id}/threadname")
	Map<String, Object> rename(@PathVariable String id, GraphCaller caller) {
		this.threads.rename(caller.actor(), threadId(id), ObjectController.required(caller.parameters(), "name"));
		return Map.of("success", true);
	}

	/** A member's threads, newest activity first: {@code read_all_messages}. */
	@GetMapping("/graph/{id}/conversations")
	Map<String, Object> conversations(@PathVariable String id, GraphCaller caller) {
		long memberId = Ids.parse(id);
		Fields fields = caller.fields().orDefault("id", "name", "participants").allowOnly(THREAD_FIELDS, "Thread");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<ChatThread> page = this.threads.conversationsOf(caller.actor(), memberId, paging.page());
		return GraphPaging.render(page, ChatThread::activityId, (thread) -> thread(thread, fields), caller,
				this.links.graph(), "/" + id + "/conversations");
	}

	private static Map<String, Object> thread(ChatThread thread, Fields fields) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", ChatThread.apiId(thread.id()));
		for (Fields.Field field : fields.fields()) {
			switch (field.name()) {
				case "name" -> put(answer, "name", thread.name());
				case "participants" -> answer.put("participants", people(thread.participants()));
				case "updated_time" -> answer.put("updated_time", GraphTime.format(thread.lastActivityAt()));
				default -> {
					// id, always there
				}
			}
		}
		return answer;
	}

	private static Map<String, Object> message(Message message, ChatThread thread, Fields fields) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", Message.apiId(message.id()));
		for (Fields.Field field : fields.fields()) {
			switch (field.name()) {
				case "message" -> answer.put("message", (message.text() != null) ? message.text() : "");
				case "created_time" -> answer.put("created_time", GraphTime.format(message.createdAt()));
				case "from" -> answer.put("from", person(message.from()));
				case "to" -> answer.put("to",
						people(thread.participants()
							.stream()
							.filter((participant) -> participant.id() != message.from().id())
							.toList()));
				default -> {
					// id, always there
				}
			}
		}
		return answer;
	}

	private static Map<String, Object> people(List<Participant> participants) {
		return Map.of("data", participants.stream().map(ThreadsController::person).toList());
	}

	private static Map<String, Object> person(Participant participant) {
		return Map.of("id", String.valueOf(participant.id()), "name", participant.name());
	}

	private static long threadId(String id) {
		long parsed = Ids.parse(id);
		if (parsed <= 0) {
			throw GraphException.unknownObject("t_" + id, "GET");
		}
		return parsed;
	}

	/**
	 * {@code to} as Graph clients send it: a JSON list of ids, or ids separated by
	 * commas.
	 */
	private static List<Long> memberIds(JsonNode to) {
		if (to == null) {
			throw GraphException.invalidParameter("(#100) The parameter to is required");
		}
		List<String> given = new ArrayList<>();
		if (to.isArray()) {
			to.forEach((node) -> given
				.add(node.isObject() && node.has("id") ? node.get("id").asString() : node.asString()));
		}
		else {
			given.addAll(Arrays.asList(to.asString().split(",")));
		}
		List<Long> ids = new ArrayList<>();
		for (String value : given) {
			long parsed = Ids.parse(value.strip());
			if (parsed <= 0) {
				throw GraphException.invalidParameter("(#100) to must list member ids");
			}
			ids.add(parsed);
		}
		if (ids.isEmpty()) {
			throw GraphException.invalidParameter("(#100) to must list member ids");
		}
		return ids;
	}

}
