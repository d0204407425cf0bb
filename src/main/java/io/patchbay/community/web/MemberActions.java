package io.patchbay.community.web;

import io.patchbay.accounts.SignedInMember;
import io.patchbay.community.Author;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.CommunityObject;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Likes;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.community.Privacy;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What a signed-in member may do in the community, shared by the member REST API and the
 * member app: everything in a group they cannot see answers "not found".
 */
@Component
class MemberActions {

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	private final Likes likes;

	MemberActions(Groups groups, Posts posts, Comments comments, Likes likes) {
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
		this.likes = likes;
	}

	Group group(SignedInMember member, String groupId) {
		return this.groups.visible(id(groupId, "Group"), member.id());
	}

	KeysetPage<Post> feed(SignedInMember member, String groupId, FeedQuery query) {
		return this.posts.feed(group(member, groupId).id(), query);
	}

	Post post(SignedInMember member, String groupId, String message, Formatting formatting) {
		return this.posts.create(group(member, groupId).id(), author(member), message, formatting, null);
	}

	/** Comments on a post, or replies to a comment. */
	Comment comment(SignedInMember member, String objectId, String message) {
		CommunityObject target = visibleObject(member, objectId);
		return this.comments.create(target.id(), author(member), message);
	}

	KeysetPage<Comment> comments(SignedInMember member, String objectId, @Nullable Long after, int limit) {
		CommunityObject target = visibleObject(member, objectId);
		return this.comments.list(target.id(), after, limit);
	}

	/** Likes the object, or takes the like back; answers whether it is now liked. */
	boolean toggleLike(SignedInMember member, String objectId) {
		CommunityObject target = visibleObject(member, objectId);
		if (this.likes.likedBy(target.id(), member.id())) {
			this.likes.unlike(target.id(), member.id());
			return false;
		}
		this.likes.like(target.id(), author(member));
		return true;
	}

	void like(SignedInMember member, String objectId, boolean liked) {
		CommunityObject target = visibleObject(member, objectId);
		if (liked) {
			this.likes.like(target.id(), author(member));
		}
		else {
			this.likes.unlike(target.id(), member.id());
		}
	}

	/** Deletes a post or comment the member wrote; others' are refused. */
	void delete(SignedInMember member, String objectId) {
		CommunityObject target = visibleObject(member, objectId);
		if (target.type() == CommunityObject.Type.POST) {
			requireAuthor(member, this.posts.find(target.id()).author());
			this.posts.delete(target.id());
		}
		else {
			requireAuthor(member, this.comments.find(target.id()).author());
			this.comments.delete(target.id());
		}
	}

	/** Creates a group that the member then administers. */
	Group createGroup(SignedInMember member, String name, String description, Privacy privacy) {
		return this.groups.create(name, description, privacy, member.id());
	}

	private static void requireAuthor(SignedInMember member, Author author) {
		if (!author.isMember() || author.id() != member.id()) {
			throw new AccessDeniedException("Only its author may delete this");
		}
	}

	private CommunityObject visibleObject(SignedInMember member, String objectId) {
		CommunityObject target = this.posts.locate(id(objectId, "Object"))
			.filter((found) -> found.type() != CommunityObject.Type.GROUP)
			.orElseThrow(() -> new NotFoundException("Object", objectId));
		this.groups.visible(target.groupId(), member.id());
		return target;
	}

	static Author author(SignedInMember member) {
		return Author.member(member.id(), member.name());
	}

	private static long id(String id, String kind) {
		long parsed = Ids.parse(id);
		if (parsed <= 0) {
			throw new NotFoundException(kind, id);
		}
		return parsed;
	}

}
