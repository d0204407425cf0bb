package io.patchbay.graph;

import java.util.Map;

import io.patchbay.community.Author;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.Likes;
import io.patchbay.graph.GraphObjects.CommentNode;
import io.patchbay.graph.GraphObjects.Node;
import io.patchbay.graph.GraphObjects.PostNode;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.KeysetPage;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The edges of posts and comments: {@code comments}, {@code likes} and {@code reactions}.
 * The integration comments and likes as its page.
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
		Node node = this.objects.postOrComment(id, "GET");
		this.objects.content(caller, node, false, id, "GET");
		Fields fields = caller.fields().allowOnly(ContentView.COMMENT_FIELDS, "Comment");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<Comment> page = this.comments.list(objectId(node), paging.page());
		return GraphPaging.render(page, Comment::id, (comment) -> this.content.comment(comment, fields), caller,
				this.links.graph(), "/" + id + "/comments");
	}

	@PostMapping("/graph/{id}/comments")
	Map<String, Object> comment(@PathVariable String id, GraphCaller caller) {
		Node node = this.objects.postOrComment(id, "POST");
		this.objects.content(caller, node, true, id, "POST");
		Comment comment = this.comments.create(objectId(node), page(caller),
				ObjectController.required(caller.parameters(), "message"));
		return Map.of("id", String.valueOf(comment.id()));
	}

	@PostMapping("/graph/{id}/likes")
	Map<String, Object> like(@PathVariable String id, GraphCaller caller) {
		this.likes.like(objectId(reachable(id, "POST", Permission.WRITE_GROUP, caller)), page(caller));
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/{id}/likes")
	Map<String, Object> unlike(@PathVariable String id, GraphCaller caller) {
		this.likes.unlike(objectId(reachable(id, "DELETE", Permission.WRITE_GROUP, caller)),
				caller.integration().pageId());
		return Map.of("success", true);
	}

	/** Every reaction is a like; at most 500, in the order they were given. */
	@GetMapping("/graph/{id}/reactions")
	Map<String, Object> reactions(@PathVariable String id, GraphCaller caller) {
		Node node = reachable(id, "GET", Permission.READ_GROUP, caller);
		return GraphPaging.whole(this.content.reactions(objectId(node)));
	}

	private Node reachable(String id, String method, Permission permission, GraphCaller caller) {
		boolean write = !method.equals("GET");
		caller.require(permission, write);
		Node node = this.objects.postOrComment(id, method);
		this.objects.content(caller, node, write, id, method);
		return node;
	}

	private static long objectId(Node node) {
		return switch (node) {
			case PostNode(var post) -> post.id();
			case CommentNode(var comment) -> comment.id();
			default -> throw new IllegalArgumentException("Not content: " + node);
		};
	}

	private static Author page(GraphCaller caller) {
		return Author.page(caller.integration().pageId(), caller.integration().name());
	}

}
