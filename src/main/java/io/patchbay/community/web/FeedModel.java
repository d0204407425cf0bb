package io.patchbay.community.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.patchbay.accounts.Actor;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.Group;
import io.patchbay.community.GroupMember;
import io.patchbay.community.Groups;
import io.patchbay.community.Likes;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Assembles what the member app's feed shows: posts with rendered messages, their
 * comments and replies, and whether the member likes each, in a fixed number of queries
 * whatever the size of the page.
 */
@Component
class FeedModel {

	static final int POSTS_PER_PAGE = 20;

	/** Comments and replies shown under each post. */
	private static final int COMMENTS_PER_POST = 100;

	record Entry(Post post, String html, boolean liked, List<CommentEntry> comments) {
	}

	record CommentEntry(Comment comment, String html, boolean liked, List<CommentEntry> replies) {
	}

	/**
	 * @param member whether the signed-in member belongs to the group, and so may write
	 * in it
	 */
	/**
	 * @param member whether the viewer joined the group
	 * @param admin whether they are one of its admins
	 */
	record Feed(Group group, boolean member, boolean admin, List<Entry> entries, @Nullable Long nextCursor) {
	}

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	private final Likes likes;

	private final MessageRenderer renderer;

	FeedModel(Groups groups, Posts posts, Comments comments, Likes likes, MessageRenderer renderer) {
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
		this.likes = likes;
		this.renderer = renderer;
	}

	Feed feed(Actor.Member member, long groupId, @Nullable Long after) {
		Group group = this.groups.find(member, groupId);
		KeysetPage<Post> page = this.posts.feed(member, groupId, new FeedQuery(after, null, null, POSTS_PER_PAGE));
		Optional<GroupMember> membership = this.groups.membership(member, groupId);
		return new Feed(group, membership.isPresent(), membership.filter(GroupMember::admin).isPresent(),
				entries(member, groupId, page.items()), page.nextCursor());
	}

	/** One post of the group with its comments: the page a post's permalink opens. */
	Feed post(Actor.Member member, long groupId, long postId) {
		Group group = this.groups.find(member, groupId);
		Post post = this.posts.find(member, postId);
		if (post.groupId() != groupId) {
			throw new NotFoundException("Post", String.valueOf(postId));
		}
		Optional<GroupMember> membership = this.groups.membership(member, groupId);
		return new Feed(group, membership.isPresent(), membership.filter(GroupMember::admin).isPresent(),
				entries(member, groupId, List.of(post)), null);
	}

	private List<Entry> entries(Actor.Member member, long groupId, List<Post> posts) {
		List<Comment> all = this.comments.onFeed(member, groupId, posts, COMMENTS_PER_POST);
		Set<Long> liked = this.likes.likedAmong(member,
				Stream.concat(posts.stream().map(Post::id), all.stream().map(Comment::id)).toList());
		Map<Long, List<CommentEntry>> byPost = tree(all, liked);
		return posts.stream()
			.map((post) -> new Entry(post, this.renderer.html(post.message(), post.formatting()),
					liked.contains(post.id()), byPost.getOrDefault(post.id(), List.of())))
			.toList();
	}

	/** Top-level comments per post, each with its replies, oldest first. */
	private Map<Long, List<CommentEntry>> tree(List<Comment> all, Set<Long> liked) {
		Map<Long, List<CommentEntry>> replies = new LinkedHashMap<>();
		for (Comment comment : all) {
			if (comment.parentId() != null) {
				replies.computeIfAbsent(comment.parentId(), (id) -> new ArrayList<>())
					.add(entry(comment, liked, List.of()));
			}
		}
		Map<Long, List<CommentEntry>> byPost = new LinkedHashMap<>();
		for (Comment comment : all) {
			if (comment.parentId() == null) {
				byPost.computeIfAbsent(comment.postId(), (id) -> new ArrayList<>())
					.add(entry(comment, liked, replies.getOrDefault(comment.id(), List.of())));
			}
		}
		return byPost;
	}

	private CommentEntry entry(Comment comment, Set<Long> liked, List<CommentEntry> replies) {
		return new CommentEntry(comment, this.renderer.html(comment.message(), Formatting.PLAINTEXT),
				liked.contains(comment.id()), replies);
	}

}
