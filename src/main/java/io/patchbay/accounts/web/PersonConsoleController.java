package io.patchbay.accounts.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.MemberDetails;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.AccessRefusedException;
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
 * One member in the console: the work profile and manager, a new invitation link while
 * the account is unclaimed, deactivation and reactivation, and admin permissions. The
 * accounts module applies the rules (who may manage an administrator, grant what); a
 * refusal is shown on the page.
 */
@PageController
@RequestMapping("/console/people/{id}")
@PreAuthorize("hasAuthority('manage_accounts')")
class PersonConsoleController {

	static final String VIEW = "people/detail";

	private final Members members;

	PersonConsoleController(Members members) {
		this.members = members;
	}

	@GetMapping
	String show(@PathVariable long id, Model model) {
		MemberProfile person = this.members.find(id);
		model.addAttribute("person", person);
		model.addAttribute("manager",
				(person.managerId() != null) ? this.members.findById(person.managerId()).orElse(null) : null);
		model.addAttribute("reports", this.members.reports(id));
		model.addAttribute("allPermissions", AdminPermission.values());
		return VIEW;
	}

	@PostMapping
	ModelAndView edit(Actor.Administrator administrator, @PathVariable long id,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String department,
			@RequestParam(defaultValue = "") String managerEmail, Model model, RedirectAttributes flash) {
		return attempt(id, model, flash, "profile", "people.notice.saved", () -> {
			long manager = 0;
			if (!managerEmail.isBlank()) {
				manager = this.members.findByEmail(managerEmail.strip())
					.orElseThrow(() -> new InvalidInputException("managerEmail",
							"No member has the email " + managerEmail.strip()))
					.id();
			}
			this.members.update(administrator, id, new MemberDetails(email, name, firstName, lastName, title,
					department, null, null, null, null, null, manager, null, null));
		});
	}

	@PostMapping("/invitation")
	ModelAndView invite(Actor.Administrator administrator, @PathVariable long id, Model model,
			RedirectAttributes flash) {
		return attempt(id, model, flash, "state", "people.notice.invited",
				() -> flash.addFlashAttribute("inviteUrl", this.members.invite(administrator, id)));
	}

	@PostMapping("/deactivate")
	ModelAndView deactivate(Actor.Administrator administrator, @PathVariable long id, Model model,
			RedirectAttributes flash) {
		return attempt(id, model, flash, "state", "people.notice.deactivated",
				() -> this.members.deactivate(administrator, id));
	}

	@PostMapping("/reactivate")
	ModelAndView reactivate(Actor.Administrator administrator, @PathVariable long id, Model model,
			RedirectAttributes flash) {
		return attempt(id, model, flash, "state", "people.notice.reactivated",
				() -> this.members.reactivate(administrator, id));
	}

	@PostMapping("/permissions")
	ModelAndView permissions(Actor.Administrator administrator, @PathVariable long id,
			@RequestParam(required = false) @Nullable List<String> permissions, Model model, RedirectAttributes flash) {
		return attempt(id, model, flash, "permissions", "people.notice.permissionsSaved", () -> {
			Set<AdminPermission> chosen = EnumSet.noneOf(AdminPermission.class);
			for (String name : (permissions == null) ? List.<String>of() : permissions) {
				chosen.add(AdminPermission.of(name)
					.orElseThrow(() -> new InvalidInputException("permissions", "Unknown permission " + name)));
			}
			this.members.replaceAdminPermissions(administrator, id, chosen);
		});
	}

	/**
	 * Runs a change and comes back to the page: with a notice when it worked, else with
	 * the refusal beside the section that was sent.
	 */
	private ModelAndView attempt(long id, Model model, RedirectAttributes flash, String section, String notice,
			Runnable change) {
		try {
			change.run();
			flash.addFlashAttribute("notice", notice);
			return new ModelAndView("redirect:/console/people/" + id);
		}
		catch (InvalidInputException | ConflictException | AccessRefusedException ex) {
			show(id, model);
			ModelAndView page = new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("error", ex.getMessage());
			page.addObject("errorSection", section);
			return page;
		}
	}

}
