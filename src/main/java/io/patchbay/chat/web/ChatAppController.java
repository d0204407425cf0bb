package io.patchbay.chat.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.ChatProperties;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.Threads;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member app's chat pages: the member's threads with the "New chat" picker, a
 * thread's messages, and the fragments that keep them live (chat.js asks for them when
 * the event stream says something changed). Who may read what is the chat module's
 * decision.
 */
@PageController
@RequestMapping("/app/chat")
class ChatAppController {

	private final ChatPageModel pages;

	private final ChatPicker picker;

	private final Threads threads;

	private final ChatProperties properties;

	ChatAppController(ChatPageModel pages, ChatPicker picker, Threads threads, ChatProperties properties) {
		this.pages = pages;
		this.picker = picker;
		this.threads = threads;
		this.properties = properties;
	}

	@GetMapping
	String threads(Actor.Member member, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long after, Model model) {
		return page(member, q, after, Set.of(), model);
	}

	/**
	 * The list of threads with the "New chat" picker, the members {@code chosen} ticked.
	 */
	private String page(Actor.Member member, @Nullable String q, @Nullable Long after, Set<Long> chosen, Model model) {
		model.addAttribute("threads", this.pages.threads(member, after));
		model.addAttribute("chosen", chosen);
		model.addAttribute("picker", this.picker.choices(member, q, chosen));
		model.addAttribute("query", q);
		return "app/chat/threads";
	}

	/** The list alone, with the navigation's unread count, for a live refresh. */
	@GetMapping("/threads")
	String list(Actor.Member member, Model model) {
		model.addAttribute("threads", this.pages.threads(member, null));
		model.addAttribute("unread", this.threads.unreadTotal(member));
		return "app/chat/threads :: list";
	}

	@GetMapping("/unread")
	String unread(Actor.Member member, Model model) {
		model.addAttribute("unread", this.threads.unreadTotal(member));
		return "app/chat/badge :: live";
	}

	/**
	 * One participant opens (or finds again) a one-to-one thread; several and a name a
	 * group chat. A refusal shows the page again with what was chosen.
	 */
	@PostMapping
	String open(Actor.Member member, @RequestParam(name = "participant", required = false) @Nullable List<Long> chosen,
			@RequestParam(required = false) @Nullable String name, Model model) {
		List<Long> participants = (chosen != null) ? chosen : List.of();
		try {
			Threads.Opened opened = this.threads.open(member, participants, name);
			return "redirect:/app/chat/" + ChatThread.apiId(opened.thread().id());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "name".equals(ex.field()) ? "chat.error.name" : "chat.error.participants");
			model.addAttribute("name", name);
			return page(member, null, null, Set.copyOf(participants), model);
		}
	}

	/**
	 * The thread's newest messages (or the page before {@code before}); showing them
	 * marks the thread read.
	 */
	@GetMapping("/{threadId}")
	String thread(Actor.Member member, @PathVariable String threadId,
			@RequestParam(required = false) @Nullable String before, Locale locale, Model model) {
		long id = ChatThread.parseApiId(threadId);
		ChatPageModel.Conversation conversation = this.pages.conversation(member, id, cursor(before), locale);
		if (conversation.latest()) {
			this.threads.markRead(member, id);
		}
		model.addAttribute("conversation", conversation);
		model.addAttribute("typingTimeout", this.properties.typingTimeout().toMillis());
		return "app/chat/thread";
	}

	/** The messages after {@code after}, for chat.js to add to the page. */
	@GetMapping("/{threadId}/messages")
	String messages(Actor.Member member, @PathVariable String threadId,
			@RequestParam(required = false) @Nullable String after, Model model) {
		Long afterId = cursor(after);
		ChatPageModel.Fresh fresh = this.pages.after(member, ChatThread.parseApiId(threadId),
				(afterId != null) ? afterId : 0);
		model.addAttribute("messages", fresh.messages());
		model.addAttribute("more", fresh.more());
		return "app/chat/messages :: fresh";
	}

	/** A message id ({@code m_…}); a malformed one names no message. */
	static @Nullable Long cursor(@Nullable String messageId) {
		return (messageId == null || messageId.isBlank()) ? null : Message.parseApiId(messageId);
	}

}
