package io.patchbay.workflows.web;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.ChatThread;
import io.patchbay.platform.PageController;
import io.patchbay.workflows.ChannelTriggers;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A channel's workflow shortcuts in the member app: the menu the chat page loads, and
 * starting one (back to the channel, where the workflow's messages arrive).
 */
@PageController
class ShortcutController {

	private final ChannelTriggers triggers;

	ShortcutController(ChannelTriggers triggers) {
		this.triggers = triggers;
	}

	@GetMapping("/app/workflows/shortcuts")
	String shortcuts(Actor.Member member, @RequestParam String thread, Model model) {
		model.addAttribute("thread", thread);
		model.addAttribute("shortcuts", this.triggers.shortcuts(member, ChatThread.parseApiId(thread)));
		return "app/workflows/shortcuts :: shortcuts";
	}

	@PostMapping("/app/workflows/{id}/start")
	String start(Actor.Member member, @PathVariable long id, @RequestParam String thread, RedirectAttributes flash) {
		this.triggers.start(member, id, ChatThread.parseApiId(thread));
		return "redirect:/app/chat/" + thread;
	}

}
