package io.patchbay.community.web;

import java.util.List;

import io.patchbay.accounts.SignedInMember;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member app's pages: the groups a member sees, and a group's live feed with posting,
 * commenting and likes. Forms work without JavaScript; with htmx they replace only the
 * feed.
 */
@Controller
class AppController {

	private final Groups groups;

	private final MemberActions actions;

	private final FeedModel feeds;

	AppController(Groups groups, MemberActions actions, FeedModel feeds) {
		this.groups = groups;
		this.actions = actions;
		this.feeds = feeds;
	}

	@GetMapping("/app")
	String groups(@AuthenticationPrincipal SignedInMember member, Model model) {
		model.addAttribute("groups", this.groups.visibleTo(member.id()));
		return "app/groups";
	}

	@GetMapping("/app/groups/{id}")
	String group(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@RequestParam(required = false) @Nullable Long after, Model model) {
		model.addAttribute("feed", this.feeds.feed(member, id, after));
		model.addAttribute("member", this.groups.isMember(this.actions.group(member, id).id(), member.id()));
		return "app/group";
	}

	@GetMapping("/app/groups/{id}/feed")
	String feed(@AuthenticationPrincipal SignedInMember member, @PathVariable String id, Model model) {
		model.addAttribute("feed", this.feeds.feed(member, id, null));
		return "app/feed :: feed";
	}

	@PostMapping("/app/groups/{id}/posts")
	String post(@AuthenticationPrincipal SignedInMember member, @PathVariable String id, @RequestParam String message,
			@RequestParam(required = false) @Nullable String formatting,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		try {
			this.actions.post(member, id, message, MemberCommunityController.formatting(formatting));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "app.error.message");
		}
		return answer(member, id, htmx, model);
	}

	@PostMapping("/app/groups/{id}/objects/{objectId}/comments")
	String comment(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@PathVariable String objectId, @RequestParam String message,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		try {
			this.actions.comment(member, objectId, message);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "app.error.message");
		}
		return answer(member, id, htmx, model);
	}

	@PostMapping("/app/groups/{id}/objects/{objectId}/like")
	String like(@AuthenticationPrincipal SignedInMember member, @PathVariable String id, @PathVariable String objectId,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		this.actions.toggleLike(member, objectId);
		return answer(member, id, htmx, model);
	}

	@PostMapping("/app/groups/{id}/objects/{objectId}/delete")
	String delete(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@PathVariable String objectId, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			Model model) {
		this.actions.delete(member, objectId);
		return answer(member, id, htmx, model);
	}

	@PostMapping("/app/groups")
	String createGroup(@AuthenticationPrincipal SignedInMember member, @RequestParam String name,
			@RequestParam(defaultValue = "") String description, @RequestParam String privacy, Model model) {
		try {
			Group group = this.actions.createGroup(member, name, description, GroupAdminController.privacy(privacy));
			return "redirect:/app/groups/" + group.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.field());
			return groups(member, model);
		}
	}

	@PostMapping("/app/groups/{id}/join")
	String join(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		Group group = this.actions.group(member, id);
		if (group.isOpen()) {
			this.groups.addMembers(group.id(), List.of(member.id()));
		}
		return "redirect:/app/groups/" + group.id();
	}

	/** htmx swaps in the fresh feed; a plain form post goes back to the page. */
	private String answer(SignedInMember member, String groupId, @Nullable String htmx, Model model) {
		if (htmx == null) {
			return "redirect:/app/groups/" + groupId;
		}
		model.addAttribute("feed", this.feeds.feed(member, groupId, null));
		return "app/feed :: feed";
	}

}
