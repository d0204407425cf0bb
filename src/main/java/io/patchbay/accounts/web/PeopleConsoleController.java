package io.patchbay.accounts.web;

import java.util.List;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.CreatedMember;
import io.patchbay.accounts.EmailDomains;
import io.patchbay.accounts.MemberDetails;
import io.patchbay.accounts.MemberState;
import io.patchbay.accounts.Members;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's People page: the members, searched by name or email and filtered by
 * state, a form to add one (whose invitation link is shown once), and the community's
 * email domains. Each member's own page is {@link PersonConsoleController}.
 */
@PageController
@RequestMapping("/console/people")
@PreAuthorize("hasAuthority('manage_accounts')")
class PeopleConsoleController {

	static final String VIEW = "people/list";

	private static final int PAGE_SIZE = 50;

	private final Members members;

	private final EmailDomains domains;

	PeopleConsoleController(Members members, EmailDomains domains) {
		this.members = members;
		this.domains = domains;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(required = false) @Nullable Long before,
			Model model) {
		MemberState chosen = (state == null) ? null : MemberState.of(state).orElse(null);
		KeysetPage<?> page = this.members.inState(query, chosen, new PageRequest(after, before, PAGE_SIZE));
		model.addAttribute("people", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("previousCursor", page.previousCursor());
		model.addAttribute("query", (query == null) ? "" : query);
		model.addAttribute("state", (chosen == null) ? "" : chosen.key());
		model.addAttribute("states", MemberState.values());
		model.addAttribute("domains", String.join("\n", this.domains.list()));
		return VIEW;
	}

	@PostMapping
	ModelAndView create(Actor.Administrator administrator, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String department, Model model, RedirectAttributes flash) {
		try {
			CreatedMember created = this.members.create(administrator, new MemberDetails(email, name, null, null, title,
					department, null, null, null, null, null, null, null, null), null);
			flash.addFlashAttribute("notice", "people.notice.invited");
			flash.addFlashAttribute("inviteUrl", created.inviteUrl());
			return new ModelAndView("redirect:/console/people/" + created.member().id());
		}
		catch (InvalidInputException | ConflictException ex) {
			list(null, null, null, null, model);
			ModelAndView page = new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("error", ex.getMessage());
			page.addObject("draftEmail", email);
			page.addObject("draftName", name);
			page.addObject("draftTitle", title);
			page.addObject("draftDepartment", department);
			return page;
		}
	}

	@PostMapping("/domains")
	ModelAndView domains(Actor.Administrator administrator, @RequestParam(defaultValue = "") String domains,
			Model model, RedirectAttributes flash) {
		List<String> entries = domains.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		try {
			this.domains.replace(administrator, entries);
			flash.addFlashAttribute("notice", "people.notice.domainsSaved");
			return new ModelAndView("redirect:/console/people#domains");
		}
		catch (InvalidInputException ex) {
			list(null, null, null, null, model);
			ModelAndView page = new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("domainsError", ex.getMessage());
			page.addObject("domains", domains);
			return page;
		}
	}

}
