package io.patchbay.integrations.web;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationChanges;
import io.patchbay.integrations.Integrations;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's integrations list and the life of an integration: create, edit details,
 * enable or hide it, delete it.
 */
@PageController
@RequestMapping("/console/integrations")
@PreAuthorize("hasAuthority('manage_integrations')")
class IntegrationConsoleController {

	private static final String LIST_VIEW = "integrations/list";

	private final Integrations integrations;

	private final IntegrationDetailPage detailPage;

	IntegrationConsoleController(Integrations integrations, IntegrationDetailPage detailPage) {
		this.integrations = integrations;
		this.detailPage = detailPage;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String query, Model model) {
		model.addAttribute("integrations", this.integrations.search(query));
		model.addAttribute("query", query);
		return LIST_VIEW;
	}

	/** The create dialog, already open: what the button leads to without JavaScript. */
	@GetMapping("/new")
	String newIntegration(Model model) {
		model.addAttribute("creating", true);
		return list(null, model);
	}

	@PostMapping
	ModelAndView create(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "CUSTOM") String kind,
			RedirectAttributes flash) {
		try {
			Integration created = this.integrations.create(name, description, IntegrationRequests.kind(kind));
			flash.addFlashAttribute("notice", "notice.created");
			return new ModelAndView(IntegrationDetailPage.redirect(created.id(), "details"));
		}
		catch (InvalidInputException | ConflictException ex) {
			// Shown again in the open dialog, with what was typed, rather than lost in a
			// redirect.
			ModelAndView page = new ModelAndView(LIST_VIEW, HttpStatus.BAD_REQUEST);
			page.addObject("integrations", this.integrations.all());
			page.addObject("creating", true);
			page.addObject("error", ex.getMessage());
			page.addObject("draftName", name);
			page.addObject("draftDescription", description);
			page.addObject("draftKind", kind);
			return page;
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		return this.detailPage.show(this.detailPage.find(id), model);
	}

	@PostMapping("/{id}/details")
	String editDetails(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		this.integrations.update(integration.id(), new IntegrationChanges(name, description, null, null));
		return IntegrationDetailPage.saved(flash, integration.id(), "details", "notice.saved");
	}

	@PostMapping("/{id}/visibility")
	String editVisibility(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "false") boolean visible, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		this.integrations.update(integration.id(), new IntegrationChanges(null, null, enabled, visible));
		return IntegrationDetailPage.saved(flash, integration.id(), "visibility", "notice.saved");
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(defaultValue = "") String confirmName,
			RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		// Exactly the name, as the spec asks: deletion cannot be undone, so no trimming
		// or
		// case folding makes a near miss count.
		if (!integration.name().equals(confirmName)) {
			flash.addFlashAttribute("errorKey", "delete.mismatch");
			flash.addFlashAttribute("errorSection", "delete");
			return IntegrationDetailPage.redirect(integration.id(), "delete");
		}
		this.integrations.delete(integration.id());
		flash.addFlashAttribute("notice", "notice.deleted");
		flash.addFlashAttribute("deletedName", integration.name());
		return "redirect:/console/integrations";
	}

}
