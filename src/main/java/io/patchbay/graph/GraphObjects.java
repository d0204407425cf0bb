package io.patchbay.graph;

import java.util.Optional;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Author;
import io.patchbay.community.AuthorType;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.CommunityObject;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.Ids;

import org.springframework.stereotype.Component;

/**
 * What a Graph id names, and whether the caller may reach it. The one place that turns
 * {@code /{id}} into a member (by id or email), a group, a post ({@code groupId_postId}
 * or bare) or a comment, so that the endpoints on {@code /{id}} and its edges agree.
 * Checks follow the spec's order: the permission first (error 10 or 200), then the
 * object, where a group outside the integration's group access counts as missing.
 */
@Component
class GraphObjects {

	sealed interface Node permits MemberNode, GroupNode, PostNode, CommentNode {

	}

	record MemberNode(MemberProfile member) implements Node {
	}

	record GroupNode(Group group) implements Node {
	}

	record PostNode(Post post) implements Node {
	}

	record CommentNode(Comment comment) implements Node {
	}

	private final Members members;

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	GraphObjects(Members members, Groups groups, Posts posts, Comments comments) {
		this.members = members;
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
	}

	/** The object the id names; error 100/33 when none. */
	Node find(String id, String method) {
		return lookUp(id).orElseThrow(() -> GraphException.unknownObject(id, method));
	}

	private Optional<Node> lookUp(String id) {
		if (id.indexOf('@') > 0) {
			return this.members.findByEmail(id).map(MemberNode::new);
		}
		int underscore = id.indexOf('_');
		if (underscore > 0) {
			// "groupId_postId" for a post; "postId_commentId" for a comment, as Workplace
			// writes them. The prefix must match, or the id names nothing.
			long prefix = Ids.parse(id.substring(0, underscore));
			long object = Ids.parse(id.substring(underscore + 1));
			if (prefix <= 0 || object <= 0) {
				return Optional.empty();
			}
			return lookUp(object).filter((node) -> switch (node) {
				case PostNode(Post post) -> post.groupId() == prefix;
				case CommentNode(Comment comment) -> comment.postId() == prefix;
				default -> false;
			});
		}
		long parsed = Ids.parse(id);
		return (parsed > 0) ? lookUp(parsed) : Optional.empty();
	}

	private Optional<Node> lookUp(long id) {
		Optional<CommunityObject> located = this.posts.locate(id);
		if (located.isPresent()) {
			return switch (located.get().type()) {
				case GROUP -> this.groups.findById(id).map(GroupNode::new);
				case POST -> this.posts.findById(id).map(PostNode::new);
				case COMMENT -> this.comments.findById(id).map(CommentNode::new);
			};
		}
		return this.members.findById(id).map(MemberNode::new);
	}

	/** A group, after checking the permission and the group access. */
	Group group(GraphCaller caller, String id, String method, Permission permission, boolean write) {
		caller.require(permission, write);
		if (!(lookUp(id).orElse(null) instanceof GroupNode(Group group))) {
			throw GraphException.unknownObject(id, method);
		}
		reach(caller, permission, group.id(), id, method);
		return group;
	}

	/** A member, after checking the permission. */
	MemberProfile member(GraphCaller caller, String id, String method, Permission permission, boolean write) {
		caller.require(permission, write);
		if (!(lookUp(id).orElse(null) instanceof MemberNode(MemberProfile member))) {
			throw GraphException.unknownObject(id, method);
		}
		return member;
	}

	/** A post or comment, without checks: the caller checks with {@link #content}. */
	Node postOrComment(String id, String method) {
		Node node = find(id, method);
		if (node instanceof GroupNode || node instanceof MemberNode) {
			throw GraphException.unknownObject(id, method);
		}
		return node;
	}

	/** Group permissions reach only the groups of the integration's group access. */
	void reach(GraphCaller caller, Permission permission, long groupId, String id, String method) {
		if (permission.groupScoped() && !caller.integration().groupAccess().reaches(groupId)) {
			throw GraphException.unknownObject(id, method);
		}
	}

	/**
	 * Reading a post or comment, or commenting on it: {@code read_group} or
	 * {@code write_group} in a reachable group, or {@code bot_mention} when the post
	 * mentions the integration's page.
	 */
	void content(GraphCaller caller, Node node, boolean write, String id, String method) {
		Permission permission = write ? Permission.WRITE_GROUP : Permission.READ_GROUP;
		IntegrationPrincipal integration = caller.integration();
		Post post = post(node);
		boolean mentioned = integration.holds(Permission.BOT_MENTION)
				&& post.mentionedIds().contains(integration.pageId());
		if (integration.holds(permission)) {
			if (!mentioned) {
				reach(caller, permission, post.groupId(), id, method);
			}
			return;
		}
		if (!mentioned) {
			throw GraphException.missingPermission(permission, write);
		}
	}

	/**
	 * Editing or deleting a post or comment: anything in a reachable group with
	 * {@code write_group}; without it, only what the integration wrote itself (a bot
	 * replying through {@code bot_mention}).
	 */
	void edit(GraphCaller caller, Node node, String id, String method) {
		IntegrationPrincipal integration = caller.integration();
		Author author = (node instanceof CommentNode(Comment comment)) ? comment.author() : post(node).author();
		boolean own = author.type() == AuthorType.PAGE && author.id() == integration.pageId();
		if (integration.holds(Permission.WRITE_GROUP)) {
			if (!own) {
				reach(caller, Permission.WRITE_GROUP, post(node).groupId(), id, method);
			}
			return;
		}
		if (!own || !integration.holds(Permission.BOT_MENTION)) {
			throw GraphException.missingPermission(Permission.WRITE_GROUP, true);
		}
	}

	private Post post(Node node) {
		return switch (node) {
			case PostNode(Post post) -> post;
			case CommentNode(Comment comment) -> this.posts.find(comment.postId());
			default -> throw new IllegalArgumentException("Not content: " + node);
		};
	}

}
