package io.patchbay.chat.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.BotThreads;
import io.patchbay.chat.Bots;
import io.patchbay.chat.ChatJson;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.Messages;
import io.patchbay.chat.Threads;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat rows of the member REST API ({@code chat-and-bots.md}): bots, threads,
 * messages, postbacks, quick replies, read marks, typing and the event stream. The member
 * app uses the same operations.
 */
@RestController
@RequestMapping("/api/v1")
class ChatApiController {

	private final Bots bots;

	private final Threads threads;

	private final Messages messages;

	private final BotThreads botThreads;

	private final ChatStreams streams;

	ChatApiController(Bots bots, Threads threads, Messages messages, BotThreads botThreads, ChatStreams streams) {
		this.bots = bots;
		this.threads = threads;
		this.messages = messages;
		this.botThreads = botThreads;
		this.streams = streams;
	}

	record OpenThread(@Nullable List<String> participantIds, @Nullable String name) {
	}

	private static List<Long> participantIds(List<String> given) {
		return given.stream().map((id) -> {
			long parsed = Ids.parse(id);
			if (parsed <= 0) {
				throw new InvalidInputException("participantIds", "'" + id + "' is not a member or bot id");
			}
			return parsed;
		}).toList();
	}

	record Text(@Nullable String text) {
	}

	record Postback(@Nullable Integer buttonIndex) {
	}

	record QuickReplyTap(@Nullable Integer index) {
	}

	record Typing(@Nullable Boolean on) {
	}

	record MenuClick(@Nullable Integer index) {
	}

	@GetMapping("/bots")
	Map<String, Object> bots(Actor.Member member) {
		return Map.of("data", this.bots.listed(member).stream().map(ChatViews::bot).toList());
	}

	@GetMapping("/threads")
	Map<String, Object> threads(Actor.Member member, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(defaultValue = "25") int limit) {
		KeysetPage<ChatThread> page = this.threads.of(member, PageRequest.after(after, limit));
		return ChatViews.list(page.items().stream().map(ChatJson::thread).toList(), page.nextCursor());
	}

	/** 201 with a new thread; 200 with the one-to-one thread that existed already. */
	@PostMapping("/threads")
	ResponseEntity<Map<String, Object>> open(Actor.Member member, @RequestBody OpenThread request) {
		if (request.participantIds() == null || request.participantIds().isEmpty()) {
			throw new InvalidInputException("participantIds", "participantIds must name at least one member or bot");
		}
		Threads.Opened opened = this.threads.open(member, participantIds(request.participantIds()), request.name());
		return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(ChatJson.thread(opened.thread()));
	}

	/** Adds members or bots to a group chat the member is in. */
	@PostMapping("/threads/{threadId}/participants")
	Map<String, Object> addParticipants(Actor.Member member, @PathVariable String threadId,
			@RequestBody OpenThread request) {
		if (request.participantIds() == null || request.participantIds().isEmpty()) {
			throw new InvalidInputException("participantIds", "participantIds must name at least one member or bot");
		}
		return ChatJson.thread(this.threads.addParticipants(member, ChatThread.parseApiId(threadId),
				participantIds(request.participantIds())));
	}

	@GetMapping("/threads/{threadId}")
	Map<String, Object> thread(Actor.Member member, @PathVariable String threadId) {
		return ChatJson.thread(this.threads.find(member, ChatThread.parseApiId(threadId)));
	}

	/**
	 * Oldest first; {@code after} is a message id ({@code m_…}) or a previous page's
	 * cursor.
	 */
	@GetMapping("/threads/{threadId}/messages")
	Map<String, Object> messages(Actor.Member member, @PathVariable String threadId,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "50") int limit) {
		KeysetPage<Message> page = this.messages.list(member, ChatThread.parseApiId(threadId),
				PageRequest.after(cursor(after), limit));
		return ChatViews.list(page.items().stream().map(ChatJson::message).toList(), page.nextCursor());
	}

	@PostMapping("/threads/{threadId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> send(Actor.Member member, @PathVariable String threadId, @RequestBody Text request) {
		if (request.text() == null) {
			throw new InvalidInputException("text", "text is required");
		}
		return ChatJson
			.message(this.messages.send(member, ChatThread.parseApiId(threadId), MessageContent.text(request.text())));
	}

	@PostMapping("/messages/{messageId}/postback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void postback(Actor.Member member, @PathVariable String messageId, @RequestBody Postback request) {
		if (request.buttonIndex() == null) {
			throw new InvalidInputException("buttonIndex", "buttonIndex is required");
		}
		this.messages.postback(member, Message.parseApiId(messageId), request.buttonIndex());
	}

	@PostMapping("/messages/{messageId}/quick-reply")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> quickReply(Actor.Member member, @PathVariable String messageId,
			@RequestBody QuickReplyTap request) {
		if (request.index() == null) {
			throw new InvalidInputException("index", "index is required");
		}
		return ChatJson.message(this.messages.quickReply(member, Message.parseApiId(messageId), request.index()));
	}

	/**
	 * The profile of a one-to-one thread's bot in the member's language:
	 * {@code {greeting, getStarted, persistentMenu:[{title}]}}, without the payloads only
	 * the bot needs.
	 */
	@GetMapping("/threads/{threadId}/bot-profile")
	Map<String, Object> botProfile(Actor.Member member, @PathVariable String threadId, Locale locale) {
		return ChatViews.profile(this.botThreads.profile(member, ChatThread.parseApiId(threadId)).orElse(null),
				locale.toString());
	}

	@PostMapping("/threads/{threadId}/get-started")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void getStarted(Actor.Member member, @PathVariable String threadId) {
		this.botThreads.getStarted(member, ChatThread.parseApiId(threadId));
	}

	/** Entry {@code index} of the bot's persistent menu in the member's language. */
	@PostMapping("/threads/{threadId}/menu")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void menu(Actor.Member member, @PathVariable String threadId, @RequestBody MenuClick request, Locale locale) {
		if (request.index() == null) {
			throw new InvalidInputException("index", "index is required");
		}
		this.botThreads.menuPostback(member, ChatThread.parseApiId(threadId), locale.toString(), request.index());
	}

	@PostMapping("/threads/{threadId}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(Actor.Member member, @PathVariable String threadId) {
		this.threads.markRead(member, ChatThread.parseApiId(threadId));
	}

	@PostMapping("/threads/{threadId}/typing")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void typing(Actor.Member member, @PathVariable String threadId, @RequestBody Typing request) {
		this.messages.typing(member, ChatThread.parseApiId(threadId), !Boolean.FALSE.equals(request.on()));
	}

	/**
	 * Server-sent events: {@code message}, {@code typing}, {@code read}, {@code thread}.
	 */
	@GetMapping(path = "/events", produces = "text/event-stream")
	SseEmitter events(Actor.Member member,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
		return this.streams.open(member, lastEventId);
	}

	private static @Nullable Long cursor(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		long id = after.startsWith("m_") ? Ids.parse(after.substring(2)) : Ids.parse(after);
		if (id <= 0) {
			throw new InvalidInputException("after", "after must be a message id or a cursor from a previous page");
		}
		return id;
	}

}
