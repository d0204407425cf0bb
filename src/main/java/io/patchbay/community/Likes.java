package io.patchbay.community;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likes of posts and comments; one per author and object. Liking is answering: the caller
 * needs what commenting needs ({@link CommunityRules#respond}).
 */
@Service
@Transactional
public class Likes {

	/** Reactions are listed whole, without paging; no real object has more. */
	static final int MAX_LIKERS = 500;

	private final LikeRepository repository;

	private final Posts posts;

	private final Comments comments;

	private final CommunityRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Likes(LikeRepository repository, Posts posts, Comments comments, CommunityRules rules,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.posts = posts;
		this.comments = comments;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	/** Likes the post or comment; liking twice changes nothing. */
	public void like(Actor actor, long objectId) {
		Post post = postOf(actor, objectId, Permission.WRITE_GROUP);
		this.rules.respond(actor, post, true);
		this.repository.insert(objectId, Posts.author(actor), this.clock.instant());
		this.events.publishEvent(new LikeChanged(objectId, post.id(), post.groupId(), true));
	}

	public void unlike(Actor actor, long objectId) {
		Post post = postOf(actor, objectId, Permission.WRITE_GROUP);
		this.rules.respond(actor, post, true);
		this.repository.delete(objectId, Posts.author(actor).id());
		this.events.publishEvent(new LikeChanged(objectId, post.id(), post.groupId(), false));
	}

	/**
	 * Which of the objects (already read by the caller) the caller likes, in one query.
	 */
	@Transactional(readOnly = true)
	public Set<Long> likedAmong(Actor actor, Collection<Long> objectIds) {
		return this.repository.likedAmong(objectIds, Posts.author(actor).id());
	}

	/** Who liked the object, first likes first (at most 500). */
	@Transactional(readOnly = true)
	public List<Author> likers(Actor actor, long objectId) {
		this.rules.readPost(actor, postOf(actor, objectId, Permission.READ_GROUP));
		return this.repository.likers(objectId, MAX_LIKERS);
	}

	void deleteByAuthor(long authorId) {
		this.repository.deleteByAuthor(authorId);
	}

	/**
	 * The post an object is or belongs to. A page missing the permission of the operation
	 * learns that before whether the object exists, as the Graph API orders its checks.
	 */
	private Post postOf(Actor actor, long objectId, Permission needed) {
		if (actor instanceof Actor.Page page && !page.holds(needed)) {
			throw new MissingPermissionException(needed);
		}
		return this.comments.findById(objectId)
			.map((comment) -> this.posts.find(comment.postId()))
			.or(() -> this.posts.locate(objectId)
				.filter((found) -> found.type() == CommunityObject.Type.POST)
				.map((found) -> this.posts.find(objectId)))
			.orElseThrow(() -> new NotFoundException("Object", String.valueOf(objectId)));
	}

}
