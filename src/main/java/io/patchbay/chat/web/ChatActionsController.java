package io.patchbay.chat.web;

import java.util.List;
import java.util.Locale;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.BotThreads;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.Messages;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a member does in a thread of the member app: write, tap a quick reply, click a
 * bot's button, "Get started" or a menu entry. A plain form post goes back to the thread;
 * with htmx the answer is the member's new message (if any) and the thread's error line,
 * and the bot's answers arrive through the event stream.
 */
@PageController
@RequestMapping("/app/chat/{threadId}")
class ChatActionsController {

	private final Messages messages;

	private final BotThreads botThreads;

	private final ChatPageModel pages;

	ChatActionsController(Messages messages, BotThreads botThreads, ChatPageModel pages) {
		this.messages = messages;
		this.botThreads = botThreads;
		this.pages = pages;
	}

	@PostMapping("/messages")
	String send(Actor.Member member, @PathVariable String threadId, @RequestParam(defaultValue = "") String text,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		long id = ChatThread.parseApiId(threadId);
		return answer(member, id, htmx, model, redirect,
				() -> this.messages.send(member, id, MessageContent.text(text)));
	}

	@PostMapping("/messages/{messageId}/quick-reply")
	String quickReply(Actor.Member member, @PathVariable String threadId, @PathVariable String messageId,
			@RequestParam int index, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		long id = ChatThread.parseApiId(threadId);
		long message = Message.parseApiId(messageId);
		return answer(member, id, htmx, model, redirect, () -> this.messages.quickReply(member, message, index));
	}

	@PostMapping("/messages/{messageId}/postback")
	String postback(Actor.Member member, @PathVariable String threadId, @PathVariable String messageId,
			@RequestParam int button, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model, RedirectAttributes redirect) {
		long id = ChatThread.parseApiId(threadId);
		long message = Message.parseApiId(messageId);
		return answer(member, id, htmx, model, redirect, () -> {
			this.messages.postback(member, message, button);
			return null;
		});
	}

	@PostMapping("/get-started")
	String getStarted(Actor.Member member, @PathVariable String threadId,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		long id = ChatThread.parseApiId(threadId);
		return answer(member, id, htmx, model, redirect, () -> {
			this.botThreads.getStarted(member, id);
			return null;
		});
	}

	@PostMapping("/menu")
	String menu(Actor.Member member, @PathVariable String threadId, @RequestParam int index, Locale locale,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			RedirectAttributes redirect) {
		long id = ChatThread.parseApiId(threadId);
		return answer(member, id, htmx, model, redirect, () -> {
			this.botThreads.menuPostback(member, id, locale.toString(), index);
			return null;
		});
	}

	/** An action that may write a message of the member's. */
	private interface Action {

		@Nullable Message run();

	}

	/**
	 * htmx gets the new message (if any) to append and the error line; a plain form post
	 * goes back to the thread, with the error in the flash.
	 */
	private String answer(Actor.Member member, long threadId, @Nullable String htmx, Model model,
			RedirectAttributes redirect, Action action) {
		String error = null;
		Message written = null;
		try {
			written = action.run();
		}
		catch (InvalidInputException ex) {
			error = "text".equals(ex.field()) ? "chat.error.text" : "chat.error.action";
		}
		if (htmx == null) {
			if (error != null) {
				redirect.addFlashAttribute("chatError", error);
			}
			return "redirect:/app/chat/" + ChatThread.apiId(threadId);
		}
		model.addAttribute("messages", (written != null) ? List.of(this.pages.entry(member, written)) : List.of());
		model.addAttribute("chatError", error);
		return "app/chat/messages :: answer";
	}

}
