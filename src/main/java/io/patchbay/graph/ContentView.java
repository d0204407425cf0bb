package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.community.Author;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.Group;
import io.patchbay.community.Likes;
import io.patchbay.community.Post;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static io.patchbay.graph.MemberView.put;

/**
 * Groups, posts and comments as the Graph API shows them, with the nested selections
 * clients use: {@code from{id,name}}, {@code comments.limit(0).summary(total_count)},
 * {@code reactions.summary(total_count)}. A post's id is {@code groupId_postId}.
 */
@Component
class ContentView {

	static final Set<String> GROUP_FIELDS = Set.of("id", "name", "description", "privacy", "member_count",
			"created_time", "updated_time");

	static final Set<String> POST_FIELDS = Set.of("id", "from", "message", "formatting", "link", "to", "created_time",
			"updated_time", "comments", "reactions", "likes");

	static final Set<String> COMMENT_FIELDS = Set.of("id", "from", "message", "parent", "created_time", "updated_time",
			"comment_count", "like_count", "comments", "reactions", "likes");

	private final Comments comments;

	private final Likes likes;

	ContentView(Comments comments, Likes likes) {
		this.comments = comments;
		this.likes = likes;
	}

	static String postId(Post post) {
		return post.groupId() + "_" + post.id();
	}

	Map<String, Object> group(Group group, Fields requested) {
		Fields fields = requested.orDefault("id", "name", "privacy").allowOnly(GROUP_FIELDS, "Group");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", String.valueOf(group.id()));
		for (Fields.Field field : fields.fields()) {
			put(answer, field.name(), switch (field.name()) {
				case "name" -> group.name();
				case "description" -> group.description();
				case "privacy" -> group.privacy().name();
				case "member_count" -> group.memberCount();
				case "created_time" -> GraphTime.format(group.createdAt());
				case "updated_time" -> GraphTime.format(group.updatedAt());
				default -> String.valueOf(group.id());
			});
		}
		return answer;
	}

	Map<String, Object> post(GraphCaller caller, Post post, Fields requested) {
		Fields fields = requested.orDefault("id", "from", "message", "created_time", "updated_time")
			.allowOnly(POST_FIELDS, "Post");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", postId(post));
		for (Fields.Field field : fields.fields()) {
			put(answer, field.name(), switch (field.name()) {
				case "from" -> author(post.author(), field);
				case "message" -> post.message();
				case "formatting" -> post.formatting().name();
				case "link" -> post.link();
				case "to" -> Map.of("data", List.of(Map.of("id", String.valueOf(post.groupId()))));
				case "created_time" -> GraphTime.format(post.createdAt());
				case "updated_time" -> GraphTime.format(post.updatedAt());
				case "comments" -> commentEdge(caller, post.id(), post.commentCount(), field);
				case "reactions", "likes" -> reactionEdge(caller, post.id(), post.likeCount(), field);
				default -> postId(post);
			});
		}
		return answer;
	}

	Map<String, Object> comment(GraphCaller caller, Comment comment, Fields requested) {
		Fields fields = requested.orDefault("id", "from", "message", "created_time")
			.allowOnly(COMMENT_FIELDS, "Comment");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", String.valueOf(comment.id()));
		for (Fields.Field field : fields.fields()) {
			put(answer, field.name(), switch (field.name()) {
				case "from" -> author(comment.author(), field);
				case "message" -> comment.message();
				case "parent" -> (comment.parentId() != null) ? Map.of("id", String.valueOf(comment.parentId())) : null;
				case "created_time" -> GraphTime.format(comment.createdAt());
				case "updated_time" -> GraphTime.format(comment.updatedAt());
				case "comment_count" -> comment.replyCount();
				case "like_count" -> comment.likeCount();
				case "comments" -> commentEdge(caller, comment.id(), comment.replyCount(), field);
				case "reactions", "likes" -> reactionEdge(caller, comment.id(), comment.likeCount(), field);
				default -> String.valueOf(comment.id());
			});
		}
		return answer;
	}

	/** Who liked the object; every reaction here is a like. */
	List<Map<String, Object>> reactions(GraphCaller caller, long objectId) {
		return this.likes.likers(caller.actor(), objectId)
			.stream()
			.map((author) -> Map.<String, Object>of("id", String.valueOf(author.id()), "name", author.name(), "type",
					"LIKE"))
			.toList();
	}

	private static Map<String, Object> author(Author author, Fields.Field field) {
		Map<String, Object> from = new LinkedHashMap<>();
		Set<String> wanted = (field.nested() != null)
				? Set.copyOf(field.nested().fields().stream().map(Fields.Field::name).toList()) : Set.of("id", "name");
		for (String name : wanted) {
			if (!name.equals("id") && !name.equals("name")) {
				throw GraphException.unknownField(name, "Profile");
			}
		}
		from.put("id", String.valueOf(author.id()));
		if (wanted.contains("name")) {
			from.put("name", author.name());
		}
		return from;
	}

	private Map<String, Object> commentEdge(GraphCaller caller, long objectId, long total, Fields.Field field) {
		int limit = limit(field);
		List<Object> data = List.of();
		if (limit > 0 && total > 0) {
			caller.work().edgeRead(limit);
			data = this.comments.list(caller.actor(), objectId, PageRequest.after(null, limit))
				.items()
				.stream()
				.map((comment) -> (Object) comment(caller, comment, nested(field)))
				.toList();
		}
		return edge(data, total, field);
	}

	private Map<String, Object> reactionEdge(GraphCaller caller, long objectId, long total, Fields.Field field) {
		int limit = limit(field);
		List<Object> data = List.of();
		if (limit > 0 && total > 0) {
			caller.work().edgeRead(limit);
			data = this.reactions(caller, objectId).stream().limit(limit).map((reaction) -> (Object) reaction).toList();
		}
		return edge(data, total, field);
	}

	private static Map<String, Object> edge(List<Object> data, long total, Fields.Field field) {
		Map<String, Object> edge = new LinkedHashMap<>();
		edge.put("data", data);
		if (field.modifier("summary") != null) {
			edge.put("summary", Map.of("total_count", total));
		}
		return edge;
	}

	private static Fields nested(Fields.Field field) {
		return (field.nested() != null) ? field.nested() : Fields.NONE;
	}

	/** {@code .limit(n)} on a nested edge: 25 unless given, at most 100. */
	private static int limit(Fields.Field field) {
		@Nullable String given = field.modifier("limit");
		if (given == null) {
			return GraphPaging.DEFAULT_LIMIT;
		}
		try {
			return Math.clamp(Integer.parseInt(given.strip()), 0, GraphPaging.MAX_LIMIT);
		}
		catch (NumberFormatException ex) {
			throw GraphException.invalidParameter("(#100) limit of " + field.name() + " must be a number");
		}
	}

}
