package io.patchbay.community.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.patchbay.accounts.Actor;
import io.patchbay.community.Comments;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.Groups;
import io.patchbay.community.Likes;
import io.patchbay.community.Posts;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The member REST API of groups, feeds, posts, comments and likes
 * ({@code chat-and-bots.md}); the member app does the same through the same module
 * operations, with the signed-in member as the caller.
 */
@RestController
@RequestMapping("/api/v1")
class MemberCommunityController {

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	private final Likes likes;

	private final FeedStreams streams;

	MemberCommunityController(Groups groups, Posts posts, Comments comments, Likes likes, FeedStreams streams) {
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
		this.likes = likes;
		this.streams = streams;
	}

	record Message(@Nullable String message, @Nullable String formatting) {
	}

	@GetMapping("/groups")
	ListView<CommunityViews.GroupView> groups(Actor.Member member) {
		return ListView.of(this.groups.visibleTo(member), CommunityViews.GroupView::of);
	}

	@GetMapping("/groups/{id}")
	CommunityViews.GroupView group(Actor.Member member, @PathVariable long id) {
		return CommunityViews.GroupView.of(this.groups.find(member, id));
	}

	/** Joins an open group. */
	@PostMapping("/groups/{id}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void join(Actor.Member member, @PathVariable long id) {
		this.groups.join(member, id);
	}

	/** Leaves a group. */
	@DeleteMapping("/groups/{id}/membership")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(Actor.Member member, @PathVariable long id) {
		this.groups.removeMember(member, id, member.id());
	}

	@GetMapping("/groups/{id}/feed")
	ListView<CommunityViews.PostView> feed(Actor.Member member, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until, @RequestParam(defaultValue = "25") int limit) {
		FeedQuery query = new FeedQuery(after, time(since, "since"), time(until, "until"), limit);
		return ListView.of(this.posts.feed(member, id, query), CommunityViews.PostView::of);
	}

	@PostMapping("/groups/{id}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	CommunityViews.PostView post(Actor.Member member, @PathVariable long id, @RequestBody Message request) {
		return CommunityViews.PostView
			.of(this.posts.create(member, id, text(request), formatting(request.formatting()), null));
	}

	@GetMapping("/posts/{id}/comments")
	ListView<CommunityViews.CommentView> comments(Actor.Member member, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "50") int limit) {
		return ListView.of(this.comments.list(member, id, PageRequest.after(after, limit)),
				CommunityViews.CommentView::of);
	}

	@PostMapping({ "/posts/{id}/comments", "/comments/{id}/comments" })
	@ResponseStatus(HttpStatus.CREATED)
	CommunityViews.CommentView comment(Actor.Member member, @PathVariable long id, @RequestBody Message request) {
		return CommunityViews.CommentView.of(this.comments.create(member, id, text(request)));
	}

	@PostMapping("/objects/{id}/likes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void like(Actor.Member member, @PathVariable long id) {
		this.likes.like(member, id);
	}

	@DeleteMapping("/objects/{id}/likes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlike(Actor.Member member, @PathVariable long id) {
		this.likes.unlike(member, id);
	}

	@DeleteMapping("/posts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deletePost(Actor.Member member, @PathVariable long id) {
		this.posts.delete(member, id);
	}

	@DeleteMapping("/comments/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteComment(Actor.Member member, @PathVariable long id) {
		this.comments.delete(member, id);
	}

	/**
	 * Server-sent events: {@code feed} whenever a post or comment appears in the group.
	 */
	@GetMapping(path = "/groups/{id}/events", produces = "text/event-stream")
	SseEmitter events(Actor.Member member, @PathVariable long id) {
		return this.streams.open(this.groups.find(member, id).id(), member.id());
	}

	private static String text(Message request) {
		if (request.message() == null) {
			throw new InvalidInputException("message", "message is required");
		}
		return request.message();
	}

	static Formatting formatting(@Nullable String formatting) {
		if (formatting == null || formatting.isBlank()) {
			return Formatting.PLAINTEXT;
		}
		try {
			return Formatting.valueOf(formatting.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("formatting", "formatting must be PLAINTEXT or MARKDOWN");
		}
	}

	private static @Nullable Instant time(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, field + " must be an ISO-8601 time or Unix seconds");
		}
	}

}
