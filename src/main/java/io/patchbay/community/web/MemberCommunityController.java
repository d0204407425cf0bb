package io.patchbay.community.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.patchbay.accounts.SignedInMember;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.Groups;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
 * ({@code chat-and-bots.md}); the member app does the same through {@link MemberActions}.
 */
@RestController
@RequestMapping("/api/v1")
class MemberCommunityController {

	private final Groups groups;

	private final MemberActions actions;

	private final FeedStreams streams;

	MemberCommunityController(Groups groups, MemberActions actions, FeedStreams streams) {
		this.groups = groups;
		this.actions = actions;
		this.streams = streams;
	}

	record Message(@Nullable String message, @Nullable String formatting) {
	}

	@GetMapping("/groups")
	ListView<CommunityViews.GroupView> groups(@AuthenticationPrincipal SignedInMember member) {
		return ListView.of(this.groups.visibleTo(member.id()), CommunityViews.GroupView::of);
	}

	@GetMapping("/groups/{id}")
	CommunityViews.GroupView group(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		return CommunityViews.GroupView.of(this.actions.group(member, id));
	}

	@GetMapping("/groups/{id}/feed")
	ListView<CommunityViews.PostView> feed(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until, @RequestParam(defaultValue = "25") int limit) {
		FeedQuery query = new FeedQuery(cursor(after), time(since, "since"), time(until, "until"), limit);
		return ListView.of(this.actions.feed(member, id, query), CommunityViews.PostView::of);
	}

	@PostMapping("/groups/{id}/posts")
	@ResponseStatus(HttpStatus.CREATED)
	CommunityViews.PostView post(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@RequestBody Message request) {
		return CommunityViews.PostView
			.of(this.actions.post(member, id, text(request), formatting(request.formatting())));
	}

	@GetMapping("/posts/{id}/comments")
	ListView<CommunityViews.CommentView> comments(@AuthenticationPrincipal SignedInMember member,
			@PathVariable String id, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "50") int limit) {
		return ListView.of(this.actions.comments(member, id, cursor(after), limit), CommunityViews.CommentView::of);
	}

	@PostMapping({ "/posts/{id}/comments", "/comments/{id}/comments" })
	@ResponseStatus(HttpStatus.CREATED)
	CommunityViews.CommentView comment(@AuthenticationPrincipal SignedInMember member, @PathVariable String id,
			@RequestBody Message request) {
		return CommunityViews.CommentView.of(this.actions.comment(member, id, text(request)));
	}

	@PostMapping("/objects/{id}/likes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void like(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		this.actions.like(member, id, true);
	}

	@DeleteMapping("/objects/{id}/likes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlike(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		this.actions.like(member, id, false);
	}

	@DeleteMapping({ "/posts/{id}", "/comments/{id}" })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		this.actions.delete(member, id);
	}

	/**
	 * Server-sent events: {@code feed} whenever a post or comment appears in the group.
	 */
	@GetMapping(path = "/groups/{id}/events", produces = "text/event-stream")
	SseEmitter events(@AuthenticationPrincipal SignedInMember member, @PathVariable String id) {
		return this.streams.open(this.actions.group(member, id).id(), member.id());
	}

	/**
	 * Someone else's post or comment: 403 as a problem detail, like the API's other
	 * errors.
	 */
	@ExceptionHandler
	ProblemDetail denied(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
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

	private static @Nullable Long cursor(@Nullable String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		long parsed = Ids.parse(after);
		if (parsed <= 0) {
			throw new InvalidInputException("after", "after must be a cursor from a previous page");
		}
		return parsed;
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
