package io.patchbay.graph;

import java.util.Optional;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.CommunityObject;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.Ids;

import org.springframework.stereotype.Component;

/**
 * What a Graph id names: the one place that turns {@code /{id}} into a member (by id or
 * email), a group, a post ({@code groupId_postId} or bare) or a comment
 * ({@code postId_commentId} or bare), so that the endpoints on {@code /{id}} and its
 * edges agree. Whether the integration may see or change the object is the community
 * module's decision, made in the reads and writes the endpoints call with
 * {@link GraphCaller#actor()}; members (accounts data) are checked here against the Graph
 * permissions, as accounts sit below the integrations they would need to know.
 */
@Component
class GraphObjects {

	/** An object as the caller may read it. */
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

	/** What an id names, before the caller's rights are looked at. */
	sealed interface Target permits MemberTarget, ObjectTarget {

	}

	record MemberTarget(MemberProfile member) implements Target {
	}

	record ObjectTarget(CommunityObject object) implements Target {
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

	/** What the id names; error 100/33 when nothing. */
	Target resolve(String id, String method) {
		return lookUp(id).orElseThrow(() -> GraphException.unknownObject(id, method));
	}

	/** The object the id names, read as the caller may read it. */
	Node read(GraphCaller caller, String id) {
		return switch (resolve(id, "GET")) {
			case MemberTarget(MemberProfile member) -> {
				caller.require(Permission.READ_GROUP_MEMBERSHIP, false);
				yield new MemberNode(member);
			}
			case ObjectTarget(CommunityObject object) -> switch (object.type()) {
				case GROUP -> new GroupNode(this.groups.find(caller.actor(), object.id()));
				case POST -> new PostNode(this.posts.find(caller.actor(), object.id()));
				case COMMENT -> new CommentNode(this.comments.find(caller.actor(), object.id()));
			};
		};
	}

	/** The id of the post or comment the id names; error 100/33 for anything else. */
	long content(String id, String method) {
		if (resolve(id, method) instanceof ObjectTarget(CommunityObject object)
				&& object.type() != CommunityObject.Type.GROUP) {
			return object.id();
		}
		throw GraphException.unknownObject(id, method);
	}

	/**
	 * The object id a path names when it is a plain id, without looking it up (-1 for
	 * anything else): the community module checks the caller's permission first, then
	 * whether the object exists for it, as the Graph API orders its checks.
	 */
	static long plainId(String id) {
		return Ids.parse(id);
	}

	/** A member, after checking the permission. */
	MemberProfile member(GraphCaller caller, String id, String method, Permission permission, boolean write) {
		caller.require(permission, write);
		if (!(lookUp(id).orElse(null) instanceof MemberTarget(MemberProfile member))) {
			throw GraphException.unknownObject(id, method);
		}
		return member;
	}

	private Optional<Target> lookUp(String id) {
		if (id.indexOf('@') > 0) {
			return this.members.findByEmail(id).map(MemberTarget::new);
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
			return this.posts.locate(object).filter((found) -> switch (found.type()) {
				case POST -> found.groupId() == prefix;
				case COMMENT -> found.postId() != null && found.postId() == prefix;
				case GROUP -> false;
			}).map(ObjectTarget::new);
		}
		long parsed = Ids.parse(id);
		if (parsed <= 0) {
			return Optional.empty();
		}
		return this.posts.locate(parsed)
			.<Target>map(ObjectTarget::new)
			.or(() -> this.members.findById(parsed).map(MemberTarget::new));
	}

}
