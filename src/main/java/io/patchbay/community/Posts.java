package io.patchbay.community;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts in group feeds. Every read and write takes the caller; {@link CommunityRules}
 * decides who may read and write where (group privacy and membership, an integration's
 * permissions and group access, editing only one's own posts), and this class keeps the
 * data rules and raises the events.
 */
@Service
@Transactional
public class Posts {

	private final PostRepository repository;

	private final CommentRepository comments;

	private final LikeRepository likes;

	private final GroupRepository groups;

	private final CommunityRules rules;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Posts(PostRepository repository, CommentRepository comments, LikeRepository likes, GroupRepository groups,
			CommunityRules rules, ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.comments = comments;
		this.likes = likes;
		this.groups = groups;
		this.rules = rules;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	public Post create(Actor actor, long groupId, String message, Formatting formatting, @Nullable String link) {
		this.rules.post(actor, groupId);
		String checked = Messages.check(message);
		String checkedLink = Messages.checkLink(link);
		Author author = author(actor);
		long id = this.ids.next();
		// As the database keeps it, so that the post returned is the post read later.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.repository.insert(id, groupId, author, checked, formatting, checkedLink, now);
		List<Long> mentioned = Mentions.in(checked);
		this.events.publishEvent(new PostCreated(id, groupId, author, checked, mentioned, now));
		// A new post has no comments or likes: nothing to read back.
		return new Post(id, groupId, author, checked, formatting, checkedLink, mentioned, 0, 0, now, now);
	}

	/** The post, if the caller may read it. */
	@Transactional(readOnly = true)
	public Post find(Actor actor, long id) {
		Post post = find(id);
		this.rules.readPost(actor, post);
		return post;
	}

	/**
	 * A group's posts, newest first; pass the previous page's {@code nextCursor} as
	 * {@code after}, or its {@code previousCursor} as {@code before}.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<Post> feed(Actor actor, long groupId, FeedQuery query) {
		this.rules.readContent(actor, groupId);
		return KeysetPage.of(this.repository.feed(groupId, query), query.page(), Post::id);
	}

	public Post edit(Actor actor, long id, String message) {
		Post current = find(id);
		this.rules.change(actor, current.groupId(), current.author());
		String checked = Messages.check(message);
		Instant now = this.clock.instant();
		this.repository.updateMessage(id, checked, now);
		this.events.publishEvent(new PostEdited(id, current.groupId(), current.author(), checked, Mentions.in(checked),
				current.createdAt(), now));
		return find(id);
	}

	/** Deletes the post with its comments and likes. */
	public void delete(Actor actor, long id) {
		Post post = find(id);
		this.rules.change(actor, post.groupId(), post.author());
		delete(post);
	}

	/**
	 * What a community id names: a group, a post or a comment. It tells only the kind of
	 * object, for adapters that route one path to several kinds ({@code /graph/{id}});
	 * reading the object goes through the caller-checked reads.
	 */
	@Transactional(readOnly = true)
	public Optional<CommunityObject> locate(long id) {
		Optional<Long> group = this.repository.groupOf(id);
		if (group.isPresent()) {
			return Optional.of(new CommunityObject(CommunityObject.Type.POST, id, group.get(), id));
		}
		Optional<Long> post = this.comments.postOf(id);
		if (post.isPresent()) {
			return this.repository.groupOf(post.get())
				.map((groupId) -> new CommunityObject(CommunityObject.Type.COMMENT, id, groupId, post.get()));
		}
		return this.groups.findById(id).map((found) -> new CommunityObject(CommunityObject.Type.GROUP, id, id, null));
	}

	/** Deletes a post that the rules already allowed, with its comments' likes. */
	void delete(Post post) {
		List<Long> objects = new ArrayList<>(this.comments.idsUnder(post.id(), true));
		objects.add(post.id());
		this.likes.deleteOf(objects);
		this.repository.delete(post.id());
		this.events.publishEvent(new PostDeleted(post.id(), post.groupId(), post.author(), post.message(),
				post.mentionedIds(), post.createdAt(), this.clock.instant()));
	}

	Post find(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("Post", String.valueOf(id)));
	}

	List<Long> idsByAuthor(long authorId, AuthorType type) {
		return this.repository.idsByAuthor(authorId, type);
	}

	/** Who writes for the caller: the member, the integration's page or the workflow. */
	static Author author(Actor actor) {
		return switch (actor) {
			case Actor.Member member -> Author.member(member.id(), member.name());
			case Actor.Page page -> Author.page(page.pageId(), page.name());
			case Actor.Workflow workflow -> Author.workflow(workflow.id(), workflow.name());
			case Actor.Administrator administrator ->
				throw new AccessRefusedException("Administrators do not write content as such");
		};
	}

}
