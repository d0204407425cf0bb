package io.patchbay.community.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Group;
import io.patchbay.community.GroupMember;
import io.patchbay.community.Groups;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's other pages in the member app: its members (admins add and remove people
 * there), its settings for its admins, and leaving it. The community module decides who
 * may do what; a refusal or a bad value shows the page again with what was typed.
 */
@PageController
@RequestMapping("/app/groups/{id}")
class GroupPagesController {

	static final int MEMBERS_PER_PAGE = 50;

	private final Groups groups;

	private final Members members;

	GroupPagesController(Groups groups, Members members) {
		this.groups = groups;
		this.members = members;
	}

	@GetMapping("/members")
	String members(Actor.Member member, @PathVariable long id, @RequestParam(required = false) @Nullable Long after,
			Model model) {
		Group group = this.groups.find(member, id);
		KeysetPage<GroupMember> page = this.groups.members(member, id, PageRequest.after(after, MEMBERS_PER_PAGE));
		Map<Long, MemberProfile> profiles = this.members
			.findAll(page.items().stream().map(GroupMember::memberId).toList())
			.stream()
			.collect(Collectors.toMap(MemberProfile::id, Function.identity()));
		model.addAttribute("group", group);
		model.addAttribute("admin", this.groups.membership(member, id).filter(GroupMember::admin).isPresent());
		model.addAttribute("people",
				page.items()
					.stream()
					.filter((entry) -> profiles.containsKey(entry.memberId()))
					.map((entry) -> new Person(entry, profiles.get(entry.memberId())))
					.toList());
		model.addAttribute("nextCursor", page.nextCursor());
		return "app/group-members";
	}

	/** An admin adds a colleague by their email. */
	@PostMapping("/members")
	ModelAndView add(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "") String email,
			Model model, RedirectAttributes flash) {
		try {
			this.groups.addByEmail(member, id, email);
		}
		catch (InvalidInputException ex) {
			members(member, id, null, model);
			ModelAndView page = new ModelAndView("app/group-members", model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("error", "app.group.members.unknown");
			page.addObject("email", email);
			return page;
		}
		flash.addFlashAttribute("notice", "app.group.members.added");
		return new ModelAndView("redirect:/app/groups/" + id + "/members");
	}

	@PostMapping("/members/{memberId}/remove")
	String remove(Actor.Member member, @PathVariable long id, @PathVariable long memberId, RedirectAttributes flash) {
		this.groups.removeMember(member, id, memberId);
		flash.addFlashAttribute("notice", "app.group.members.removed");
		return "redirect:/app/groups/" + id + "/members";
	}

	@PostMapping("/leave")
	String leave(Actor.Member member, @PathVariable long id) {
		this.groups.removeMember(member, id, member.id());
		return "redirect:/app";
	}

	@GetMapping("/settings")
	String settings(Actor.Member member, @PathVariable long id, Model model) {
		Group group = this.groups.manageable(member, id);
		model.addAttribute("group", group);
		model.addAttribute("draft", new Draft(group.name(), group.description(), group.privacy().name()));
		return "app/group-settings";
	}

	@PostMapping("/settings")
	ModelAndView save(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String privacy,
			RedirectAttributes flash) {
		try {
			this.groups.update(member, id, name, description, GroupAdminController.privacy(privacy));
			flash.addFlashAttribute("notice", "app.group.settings.saved");
			return new ModelAndView("redirect:/app/groups/" + id + "/settings");
		}
		catch (InvalidInputException ex) {
			ModelAndView page = new ModelAndView("app/group-settings", HttpStatus.BAD_REQUEST);
			page.addObject("group", this.groups.find(member, id));
			page.addObject("draft", new Draft(name, description, privacy));
			page.addObject("error", ex.field());
			return page;
		}
	}

	record Person(GroupMember membership, MemberProfile profile) {
	}

	/** What the settings form shows: the group's values, or what was typed. */
	record Draft(String name, String description, String privacy) {
	}

}
