package io.patchbay.community.web;

import java.time.Instant;
import java.util.List;

import io.patchbay.community.Author;
import io.patchbay.community.Comment;
import io.patchbay.community.Group;
import io.patchbay.community.Post;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of groups, posts and comments in the admin and member APIs: ids as
 * decimal strings, times as ISO-8601 UTC.
 */
final class CommunityViews {

	private CommunityViews() {
	}

	record AuthorView(String id, String type, String name) {

		static AuthorView of(Author author) {
			return new AuthorView(String.valueOf(author.id()), author.type().name(), author.name());
		}

	}

	record GroupView(String id, String name, String description, String privacy, long memberCount, Instant createdTime,
			Instant updatedTime) {

		static GroupView of(Group group) {
			return new GroupView(String.valueOf(group.id()), group.name(), group.description(), group.privacy().name(),
					group.memberCount(), group.createdAt(), group.updatedAt());
		}

	}

	record PostView(String id, String groupId, AuthorView from, String message, String formatting,
			@Nullable String link, List<String> mentions, long commentCount, long likeCount, Instant createdTime,
			Instant updatedTime) {

		static PostView of(Post post) {
			return new PostView(String.valueOf(post.id()), String.valueOf(post.groupId()), AuthorView.of(post.author()),
					post.message(), post.formatting().name(), post.link(), ids(post.mentionedIds()),
					post.commentCount(), post.likeCount(), post.createdAt(), post.updatedAt());
		}

	}

	record CommentView(String id, String postId, @Nullable String parentId, AuthorView from, String message,
			List<String> mentions, long replyCount, long likeCount, Instant createdTime, Instant updatedTime) {

		static CommentView of(Comment comment) {
			return new CommentView(String.valueOf(comment.id()), String.valueOf(comment.postId()),
					(comment.parentId() != null) ? String.valueOf(comment.parentId()) : null,
					AuthorView.of(comment.author()), comment.message(), ids(comment.mentionedIds()),
					comment.replyCount(), comment.likeCount(), comment.createdAt(), comment.updatedAt());
		}

	}

	private static List<String> ids(List<Long> ids) {
		return ids.stream().map(String::valueOf).toList();
	}

}
