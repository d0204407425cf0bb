package io.patchbay.community.web;

import java.util.List;

import io.patchbay.accounts.SignedInMember;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.Group;
import io.patchbay.community.Likes;
import io.patchbay.community.Post;
import io.patchbay.platform.KeysetPage;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Assembles what the member app's feed shows: posts with rendered messages, their
 * comments and replies, and whether the member likes each.
 */
@Component
class FeedModel {

	static final int POSTS_PER_PAGE = 20;

	private static final int COMMENTS_PER_POST = 50;

	record Entry(Post post, String html, boolean liked, List<CommentEntry> comments) {
	}

	record CommentEntry(Comment comment, String html, boolean liked, List<CommentEntry> replies) {
	}

	record Feed(Group group, List<Entry> entries, @Nullable Long nextCursor) {
	}

	private final MemberActions actions;

	private final Comments comments;

	private final Likes likes;

	private final MessageRenderer renderer;

	FeedModel(MemberActions actions, Comments comments, Likes likes, MessageRenderer renderer) {
		this.actions = actions;
		this.comments = comments;
		this.likes = likes;
		this.renderer = renderer;
	}

	Feed feed(SignedInMember member, String groupId, @Nullable Long after) {
		Group group = this.actions.group(member, groupId);
		KeysetPage<Post> page = this.actions.feed(member, groupId, new FeedQuery(after, null, null, POSTS_PER_PAGE));
		List<Entry> entries = page.items()
			.stream()
			.map((post) -> new Entry(post, this.renderer.html(post.message(), post.formatting()),
					this.likes.likedBy(post.id(), member.id()), comments(member, post.id())))
			.toList();
		return new Feed(group, entries, page.nextCursor());
	}

	private List<CommentEntry> comments(SignedInMember member, long objectId) {
		return this.comments.list(objectId, null, COMMENTS_PER_POST)
			.items()
			.stream()
			.map((comment) -> new CommentEntry(comment, this.renderer.html(comment.message(), Formatting.PLAINTEXT),
					this.likes.likedBy(comment.id(), member.id()),
					(comment.replyCount() > 0) ? comments(member, comment.id()) : List.of()))
			.toList();
	}

}
