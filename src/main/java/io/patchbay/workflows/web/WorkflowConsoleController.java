package io.patchbay.workflows.web;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PageRequest;
import io.patchbay.workflows.BuildingSettings;
import io.patchbay.workflows.Workflows;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Workflows page: every member's workflows, with their status and latest
 * change, to unpublish (the URL stops at once) or delete. Building stays in the member
 * app and the APIs.
 */
@PageController
@RequestMapping("/console/workflows")
@PreAuthorize("hasAuthority('manage_workflows')")
class WorkflowConsoleController {

	private final Workflows workflows;

	private final BuildingSettings settings;

	WorkflowConsoleController(Workflows workflows, BuildingSettings settings) {
		this.workflows = workflows;
		this.settings = settings;
	}

	@GetMapping
	String list(Actor.Administrator administrator, @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable String query, Model model) {
		var page = this.workflows.list(administrator, query, PageRequest.after(after, 50));
		model.addAttribute("query", (query != null) ? query.strip() : "");
		model.addAttribute("workflows", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("names", this.workflows.memberNames(page.items()));
		model.addAttribute("membersMayBuild", this.settings.membersMayBuild());
		return "workflows/list";
	}

	/** Whether members build workflows of their own (administrators always do). */
	@PostMapping("/settings")
	String settings(Actor.Administrator administrator, @RequestParam(defaultValue = "false") boolean membersMayBuild,
			RedirectAttributes flash) {
		this.settings.membersMayBuild(administrator, membersMayBuild);
		flash.addFlashAttribute("notice", "console.workflows.settings.saved");
		return "redirect:/console/workflows";
	}

	@PostMapping("/{id}/unpublish")
	String unpublish(Actor.Administrator administrator, @PathVariable long id, RedirectAttributes flash) {
		this.workflows.unpublish(administrator, id);
		flash.addFlashAttribute("notice", "console.workflows.unpublished");
		return "redirect:/console/workflows";
	}

	@PostMapping("/{id}/delete")
	String delete(Actor.Administrator administrator, @PathVariable long id, RedirectAttributes flash) {
		this.workflows.delete(administrator, id);
		flash.addFlashAttribute("notice", "workflows.deleted");
		return "redirect:/console/workflows";
	}

}
