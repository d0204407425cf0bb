package io.patchbay.community;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on posts and replies to comments. Replies stay one level deep, as in
 * Workplace: replying to a reply answers its top-level comment. Every read and write
 * takes the caller; {@link CommunityRules} decides.
 */
@Service
@Transactional
public class Comments {

	private final CommentRepository repository;

	private final LikeRepository likes;

	private final Posts posts;

	private final CommunityRules rules;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Comments(CommentRepository repository, LikeRepository likes, Posts posts, CommunityRules rules,
			ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.likes = likes;
		this.posts = posts;
		this.rules = rules;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** Comments on a post, or replies to a comment, depending on what the id names. */
	public Comment create(Actor actor, long objectId, String message) {
		Optional<Comment> parent = this.repository.findById(objectId);
		Post post = this.posts.find(parent.map(Comment::postId).orElse(objectId));
		this.rules.respond(actor, post, false);
		String checked = Messages.check(message);
		Long parentId = parent.map((comment) -> (comment.parentId() != null) ? comment.parentId() : comment.id())
			.orElse(null);
		Author author = Posts.author(actor);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.repository.insert(id, post.id(), parentId, author, checked, now);
		this.events.publishEvent(new CommentCreated(id, post.id(), post.groupId(), parentId, author, checked,
				Mentions.in(checked), now));
		return find(id);
	}

	/** The comment, if the caller may read its post. */
	@Transactional(readOnly = true)
	public Comment find(Actor actor, long id) {
		Comment comment = find(id);
		this.rules.readPost(actor, this.posts.find(comment.postId()));
		return comment;
	}

	/** A post's top-level comments, or a comment's replies, oldest first: any page. */
	@Transactional(readOnly = true)
	public KeysetPage<Comment> list(Actor actor, long objectId, PageRequest page) {
		Optional<Comment> parent = this.repository.findById(objectId);
		this.rules.readPost(actor, this.posts.find(parent.map(Comment::postId).orElse(objectId)));
		return KeysetPage.of(this.repository.list(objectId, parent.isPresent(), page), page, Comment::id);
	}

	/**
	 * The first comments and replies of a page of a group's feed, oldest first, in one
	 * query: at most {@code perPost} of each post.
	 */
	@Transactional(readOnly = true)
	public List<Comment> onFeed(Actor actor, long groupId, Collection<Post> posts, int perPost) {
		this.rules.readContent(actor, groupId);
		return this.repository
			.ofPosts(posts.stream().filter((post) -> post.groupId() == groupId).map(Post::id).toList(), perPost);
	}

	public Comment edit(Actor actor, long id, String message) {
		Comment current = find(id);
		this.rules.change(actor, current.groupId(), current.author());
		String checked = Messages.check(message);
		Instant now = this.clock.instant();
		this.repository.updateMessage(id, checked, now);
		this.events.publishEvent(new CommentEdited(id, current.postId(), current.groupId(), current.parentId(),
				current.author(), checked, Mentions.in(checked), current.createdAt(), now));
		return find(id);
	}

	/** Deletes the comment with its replies and likes. */
	public void delete(Actor actor, long id) {
		Comment comment = find(id);
		this.rules.change(actor, comment.groupId(), comment.author());
		delete(comment);
	}

	/** Deletes a comment that the rules already allowed. */
	void delete(Comment comment) {
		List<Long> objects = new ArrayList<>(this.repository.idsUnder(comment.id(), false));
		objects.add(comment.id());
		this.likes.deleteOf(objects);
		this.repository.delete(comment.id());
		this.events.publishEvent(new CommentDeleted(comment.id(), comment.postId(), comment.groupId(),
				comment.parentId(), comment.author(), comment.message(), comment.mentionedIds(), comment.createdAt(),
				this.clock.instant()));
	}

	Optional<Comment> findById(long id) {
		return this.repository.findById(id);
	}

	Comment find(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("Comment", String.valueOf(id)));
	}

	List<Long> idsByAuthor(long authorId, AuthorType type) {
		return this.repository.idsByAuthor(authorId, type);
	}

}
