package io.patchbay.graph;

import java.util.Map;

import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.Likes;
import io.patchbay.platform.KeysetPage;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The edges of posts and comments: {@code comments}, {@code likes} and {@code reactions}.
 * The integration comments and likes as its page, where the community module lets it.
 */
@RestController
class CommentsController {

	private final GraphObjects objects;

	private final ContentView content;

	private final GraphLinks links;

	private final Comments comments;

	private final Likes likes;

	CommentsController(GraphObjects objects, ContentView content, GraphLinks links, Comments comments, Likes likes) {
		this.objects = objects;
		this.content = content;
		this.links = links;
		this.comments = comments;
		this.likes = likes;
	}

	/** A post's comments, or a comment's replies, oldest first. */
	@GetMapping("/graph/{id}/comments")
	Map<String, Object> list(@PathVariable String id, GraphCaller caller) {
		long objectId = this.objects.content(id, "GET");
		Fields fields = caller.fields().allowOnly(ContentView.COMMENT_FIELDS, "Comment");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<Comment> page = this.comments.list(caller.actor(), objectId, paging.page());
		return GraphPaging.render(page, Comment::id, (comment) -> this.content.comment(caller, comment, fields), caller,
				this.links.graph(), "/" + id + "/comments");
	}

	@PostMapping("/graph/{id}/comments")
	Map<String, Object> comment(@PathVariable String id, GraphCaller caller) {
		Comment comment = this.comments.create(caller.actor(), this.objects.content(id, "POST"),
				ObjectController.required(caller.parameters(), "message"));
		return Map.of("id", String.valueOf(comment.id()));
	}

	@PostMapping("/graph/{id}/likes")
	Map<String, Object> like(@PathVariable String id, GraphCaller caller) {
		this.likes.like(caller.actor(), contentId(id, "POST"));
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/{id}/likes")
	Map<String, Object> unlike(@PathVariable String id, GraphCaller caller) {
		this.likes.unlike(caller.actor(), contentId(id, "DELETE"));
		return Map.of("success", true);
	}

	/** Every reaction is a like; at most 500, in the order they were given. */
	@GetMapping("/graph/{id}/reactions")
	Map<String, Object> reactions(@PathVariable String id, GraphCaller caller) {
		return GraphPaging.whole(this.content.reactions(caller, contentId(id, "GET")));
	}

	/**
	 * A plain id goes to the community module as it is, which checks the permission
	 * before the object; a composite id ({@code groupId_postId}) is resolved first.
	 */
	private long contentId(String id, String method) {
		long plain = GraphObjects.plainId(id);
		return (plain > 0) ? plain : this.objects.content(id, method);
	}

}
