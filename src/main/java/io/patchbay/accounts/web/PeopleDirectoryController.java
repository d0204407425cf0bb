package io.patchbay.accounts.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member app's people directory: colleagues found by name or email, and a colleague's
 * profile with their manager and reports. Who appears is the accounts module's decision
 * ({@link Members#colleagues}).
 */
@PageController
@RequestMapping("/app/people")
class PeopleDirectoryController {

	static final int PER_PAGE = 30;

	private final Members members;

	PeopleDirectoryController(Members members) {
		this.members = members;
	}

	@GetMapping
	String directory(Actor.Member member, @RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable Long after, Model model) {
		KeysetPage<MemberProfile> page = this.members.colleagues(member, query, PageRequest.after(after, PER_PAGE));
		model.addAttribute("people", page.items());
		model.addAttribute("nextCursor", page.nextCursor());
		model.addAttribute("query", (query != null) ? query.strip() : "");
		return "app/people/directory";
	}

	@GetMapping("/{id}")
	String profile(Actor.Member member, @PathVariable long id, Model model) {
		MemberProfile profile = this.members.colleague(member, id);
		Long managerId = profile.managerId();
		model.addAttribute("person", profile);
		model.addAttribute("manager", (managerId != null)
				? this.members.findById(managerId).filter(MemberProfile::active).orElse(null) : null);
		model.addAttribute("reports", this.members.reports(id).stream().filter(MemberProfile::active).toList());
		model.addAttribute("me", member.id() == id);
		return "app/people/profile";
	}

}
