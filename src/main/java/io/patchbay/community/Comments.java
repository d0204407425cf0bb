package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on posts and replies to comments. Replies stay one level deep, as in
 * Workplace: replying to a reply answers its top-level comment.
 */
@Service
@Transactional
public class Comments {

	private static final String SELECT = "SELECT c.*, p.group_id, "
			+ "(SELECT COUNT(*) FROM post_comment r WHERE r.parent_id = c.id) AS reply_count, "
			+ "(SELECT COUNT(*) FROM reaction l WHERE l.object_id = c.id) AS like_count "
			+ "FROM post_comment c JOIN post p ON p.id = c.post_id ";

	private final JdbcClient jdbc;

	private final Posts posts;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Comments(JdbcClient jdbc, Posts posts, ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** Comments on a post, or replies to a comment, depending on what the id names. */
	public Comment create(long objectId, Author author, String message) {
		String checked = Messages.check(message);
		long postId;
		Long parentId = null;
		Optional<Comment> parent = findById(objectId);
		if (parent.isPresent()) {
			postId = parent.get().postId();
			parentId = (parent.get().parentId() != null) ? parent.get().parentId() : parent.get().id();
		}
		else {
			postId = this.posts.find(objectId).id();
		}
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO post_comment (id, post_id, parent_id, author_id, author_type, author_name, message, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, postId, parentId, author.id(), author.type().name(), author.name(), checked,
					Timestamp.from(now), Timestamp.from(now))
			.update();
		Comment created = find(id);
		this.events.publishEvent(new CommentCreated(id, postId, created.groupId(), parentId, author, checked,
				created.mentionedIds(), now));
		return created;
	}

	@Transactional(readOnly = true)
	public Optional<Comment> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(Comments::map).optional();
	}

	@Transactional(readOnly = true)
	public Comment find(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("Comment", String.valueOf(id)));
	}

	/**
	 * A post's top-level comments, or a comment's replies, oldest first; pass the
	 * previous page's {@code nextCursor} as {@code after}.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<Comment> list(long objectId, @Nullable Long after, int limit) {
		return list(objectId, PageRequest.after(after, limit));
	}

	/** A post's comments, or a comment's replies, oldest first: any page. */
	@Transactional(readOnly = true)
	public KeysetPage<Comment> list(long objectId, PageRequest page) {
		boolean replies = findById(objectId).isPresent();
		if (!replies) {
			this.posts.find(objectId);
		}
		String where = replies ? "WHERE c.parent_id = ?" : "WHERE c.post_id = ? AND c.parent_id IS NULL";
		List<Comment> rows = this.jdbc
			.sql(SELECT + where + " AND " + page.where("c.id", true) + page.orderBy("c.id", true) + " LIMIT ?")
			.params(objectId, page.key(true), page.rows())
			.query(Comments::map)
			.list();
		return KeysetPage.of(rows, page, Comment::id);
	}

	public Comment edit(long id, String message) {
		Comment current = find(id);
		String checked = Messages.check(message);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE post_comment SET message = ?, updated_at = ? WHERE id = ?")
			.params(checked, Timestamp.from(now), id)
			.update();
		this.events.publishEvent(new CommentEdited(id, current.postId(), current.groupId(), current.parentId(),
				current.author(), checked, Mentions.in(checked), current.createdAt(), now));
		return find(id);
	}

	/** Deletes the comment with its replies and likes. */
	public void delete(long id) {
		Comment comment = find(id);
		this.jdbc.sql("DELETE FROM reaction WHERE object_id IN (SELECT id FROM post_comment WHERE parent_id = ?)")
			.param(id)
			.update();
		this.jdbc.sql("DELETE FROM reaction WHERE object_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM post_comment WHERE id = ?").param(id).update();
		this.events.publishEvent(
				new CommentDeleted(id, comment.postId(), comment.groupId(), comment.parentId(), comment.author(),
						comment.message(), comment.mentionedIds(), comment.createdAt(), this.clock.instant()));
	}

	List<Long> idsByAuthor(long authorId, AuthorType type) {
		return this.jdbc.sql("SELECT id FROM post_comment WHERE author_id = ? AND author_type = ? ORDER BY id DESC")
			.params(authorId, type.name())
			.query(Long.class)
			.list();
	}

	private static Comment map(ResultSet rs, int row) throws SQLException {
		String message = rs.getString("message");
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Comment(rs.getLong("id"), rs.getLong("post_id"), rs.getLong("group_id"), parentId,
				AuthorColumns.read(rs), message, Mentions.in(message), rs.getLong("reply_count"),
				rs.getLong("like_count"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
