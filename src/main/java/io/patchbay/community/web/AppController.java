package io.patchbay.community.web;

import java.util.List;

import io.patchbay.accounts.Actor;
import io.patchbay.community.CommunityObject;
import io.patchbay.community.Comments;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Likes;
import io.patchbay.community.Posts;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The member app's pages: the groups a member sees, and a group's live feed with posting,
 * commenting and likes. Forms work without JavaScript; with htmx they replace only the
 * feed. What the member may do is the community module's decision.
 */
@PageController
class AppController {

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	private final Likes likes;

	private final FeedModel feeds;

	AppController(Groups groups, Posts posts, Comments comments, Likes likes, FeedModel feeds) {
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
		this.likes = likes;
		this.feeds = feeds;
	}

	@GetMapping("/app")
	String groups(Actor.Member member, Model model) {
		List<Group> visible = this.groups.visibleTo(member);
		List<Long> joined = this.groups.joinedBy(member).stream().map(Group::id).toList();
		model.addAttribute("groups", visible.stream().filter((group) -> joined.contains(group.id())).toList());
		model.addAttribute("otherGroups", visible.stream().filter((group) -> !joined.contains(group.id())).toList());
		return "app/groups";
	}

	@GetMapping("/app/groups/{id}")
	String group(Actor.Member member, @PathVariable long id, @RequestParam(required = false) @Nullable Long after,
			Model model) {
		if (after == null) {
			// Marked before the feed is read: only a post written in that very instant is
			// neither shown nor counted
			this.groups.markRead(member, id);
		}
		FeedModel.Feed feed = this.feeds.feed(member, id, after);
		model.addAttribute("feed", feed);
		model.addAttribute("member", feed.member());
		return "app/group";
	}

	/** A post's own page, with its comments: where a post's permalink leads. */
	@GetMapping("/app/groups/{id}/posts/{postId}")
	String post(Actor.Member member, @PathVariable long id, @PathVariable long postId, Model model) {
		FeedModel.Feed feed = focused(member, id, postId, model);
		model.addAttribute("member", feed.member());
		return "app/post";
	}

	/** The post page's live refresh: that post only. */
	@GetMapping("/app/groups/{id}/posts/{postId}/feed")
	String postFeed(Actor.Member member, @PathVariable long id, @PathVariable long postId, Model model) {
		focused(member, id, postId, model);
		return "app/feed :: feed";
	}

	/** The permalink webhooks send ({@code permalink_url}), for members to open. */
	@GetMapping("/groups/{id}/posts/{postId}")
	String permalink(@PathVariable long id, @PathVariable long postId) {
		return "redirect:/app/groups/" + id + "/posts/" + postId;
	}

	@GetMapping("/app/groups/{id}/feed")
	String feed(Actor.Member member, @PathVariable long id, Model model) {
		// The live refresh shows the member what just arrived: read as well
		this.groups.markRead(member, id);
		model.addAttribute("feed", this.feeds.feed(member, id, null));
		return "app/feed :: feed";
	}

	@PostMapping("/app/groups/{id}/posts")
	String post(Actor.Member member, @PathVariable long id, @RequestParam String message,
			@RequestParam(required = false) @Nullable String formatting,
			@RequestParam(required = false) @Nullable Long focus,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		try {
			this.posts.create(member, id, message, MemberCommunityController.formatting(formatting), null);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "app.error.message");
		}
		return answer(member, id, focus, htmx, model);
	}

	@PostMapping("/app/groups/{id}/objects/{objectId}/comments")
	String comment(Actor.Member member, @PathVariable long id, @PathVariable long objectId,
			@RequestParam String message, @RequestParam(required = false) @Nullable Long focus,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		try {
			this.comments.create(member, objectId, message);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "app.error.message");
		}
		return answer(member, id, focus, htmx, model);
	}

	/** Likes the object, or takes the like back. */
	@PostMapping("/app/groups/{id}/objects/{objectId}/like")
	String like(Actor.Member member, @PathVariable long id, @PathVariable long objectId,
			@RequestParam(required = false) @Nullable Long focus,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		if (this.likes.likedAmong(member, List.of(objectId)).isEmpty()) {
			this.likes.like(member, objectId);
		}
		else {
			this.likes.unlike(member, objectId);
		}
		return answer(member, id, focus, htmx, model);
	}

	@PostMapping("/app/groups/{id}/objects/{objectId}/delete")
	String delete(Actor.Member member, @PathVariable long id, @PathVariable long objectId,
			@RequestParam(required = false) @Nullable Long focus,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		CommunityObject target = this.posts.locate(objectId)
			.orElseThrow(() -> new NotFoundException("Object", String.valueOf(objectId)));
		switch (target.type()) {
			case POST -> this.posts.delete(member, objectId);
			case COMMENT -> this.comments.delete(member, objectId);
			case GROUP -> throw new NotFoundException("Object", String.valueOf(objectId));
		}
		return answer(member, id, focus, htmx, model);
	}

	@PostMapping("/app/groups")
	String createGroup(Actor.Member member, @RequestParam String name,
			@RequestParam(defaultValue = "") String description, @RequestParam String privacy, Model model) {
		try {
			Group group = this.groups.create(member, name, description, GroupAdminController.privacy(privacy));
			return "redirect:/app/groups/" + group.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.field());
			return groups(member, model);
		}
	}

	@PostMapping("/app/groups/{id}/join")
	String join(Actor.Member member, @PathVariable long id) {
		this.groups.join(member, id);
		return "redirect:/app/groups/" + id;
	}

	/** htmx swaps in the fresh feed; a plain form post goes back to the page. */
	/**
	 * The feed again after a change: the group's, or, on a post's own page
	 * ({@code focus}), that post's, unless the change deleted it.
	 */
	private String answer(Actor.Member member, long groupId, @Nullable Long focus, @Nullable String htmx, Model model) {
		boolean focusedPostStays = focus != null && this.posts.locate(focus).isPresent();
		if (htmx == null) {
			return "redirect:/app/groups/" + groupId + (focusedPostStays ? "/posts/" + focus : "");
		}
		if (focusedPostStays) {
			focused(member, groupId, focus, model);
		}
		else {
			model.addAttribute("feed", this.feeds.feed(member, groupId, null));
		}
		return "app/feed :: feed";
	}

	private FeedModel.Feed focused(Actor.Member member, long groupId, long postId, Model model) {
		FeedModel.Feed feed = this.feeds.post(member, groupId, postId);
		model.addAttribute("feed", feed);
		model.addAttribute("focus", postId);
		return feed;
	}

}
