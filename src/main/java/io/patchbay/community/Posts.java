package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * Posts in group feeds. Who may write where (group privacy, an integration's group
 * access, editing only one's own posts) is the calling adapter's decision; this class
 * keeps the data rules and raises the events.
 */
@Service
@Transactional
public class Posts {

	private static final String SELECT = "SELECT p.*, "
			+ "(SELECT COUNT(*) FROM post_comment c WHERE c.post_id = p.id) AS comment_count, "
			+ "(SELECT COUNT(*) FROM reaction r WHERE r.object_id = p.id) AS like_count FROM post p ";

	private final JdbcClient jdbc;

	private final Groups groups;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Posts(JdbcClient jdbc, Groups groups, ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	public Post create(long groupId, Author author, String message, Formatting formatting, @Nullable String link) {
		this.groups.find(groupId);
		String checked = Messages.check(message);
		String checkedLink = Messages.checkLink(link);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO post (id, group_id, author_id, author_type, author_name, message, formatting, link, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, groupId, author.id(), author.type().name(), author.name(), checked, formatting.name(),
					checkedLink, Timestamp.from(now), Timestamp.from(now))
			.update();
		this.events.publishEvent(new PostCreated(id, groupId, author, checked, Mentions.in(checked), now));
		return find(id);
	}

	@Transactional(readOnly = true)
	public Optional<Post> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(Posts::map).optional();
	}

	@Transactional(readOnly = true)
	public Post find(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("Post", String.valueOf(id)));
	}

	/**
	 * A group's posts, newest first; pass the previous page's {@code nextCursor} as
	 * {@code after}, or its {@code previousCursor} as {@code before}.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<Post> feed(long groupId, FeedQuery query) {
		PageRequest page = query.page();
		StringBuilder sql = new StringBuilder(SELECT + "WHERE p.group_id = ? AND " + page.where("p.id", false));
		List<Object> params = new ArrayList<>(List.of(groupId, page.key(false)));
		if (query.since() != null) {
			sql.append(" AND p.created_at >= ?");
			params.add(Timestamp.from(query.since()));
		}
		if (query.until() != null) {
			sql.append(" AND p.created_at <= ?");
			params.add(Timestamp.from(query.until()));
		}
		sql.append(page.orderBy("p.id", false)).append(" LIMIT ?");
		params.add(page.rows());
		return KeysetPage.of(this.jdbc.sql(sql.toString()).params(params).query(Posts::map).list(), page, Post::id);
	}

	public Post edit(long id, String message) {
		Post current = find(id);
		String checked = Messages.check(message);
		Instant now = this.clock.instant();
		this.jdbc.sql("UPDATE post SET message = ?, updated_at = ? WHERE id = ?")
			.params(checked, Timestamp.from(now), id)
			.update();
		this.events.publishEvent(new PostEdited(id, current.groupId(), current.author(), checked, Mentions.in(checked),
				current.createdAt(), now));
		return find(id);
	}

	/** Deletes the post with its comments and likes. */
	public void delete(long id) {
		Post post = find(id);
		this.jdbc.sql("DELETE FROM reaction WHERE object_id IN (SELECT id FROM post_comment WHERE post_id = ?)")
			.param(id)
			.update();
		this.jdbc.sql("DELETE FROM reaction WHERE object_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM post WHERE id = ?").param(id).update();
		this.events.publishEvent(new PostDeleted(id, post.groupId(), post.author(), post.message(), post.mentionedIds(),
				post.createdAt(), this.clock.instant()));
	}

	/** What a community id names: a group, a post or a comment. */
	@Transactional(readOnly = true)
	public Optional<CommunityObject> locate(long id) {
		Optional<CommunityObject> post = this.jdbc.sql("SELECT group_id FROM post WHERE id = ?")
			.param(id)
			.query((rs, row) -> new CommunityObject(CommunityObject.Type.POST, id, rs.getLong("group_id"), id))
			.optional();
		if (post.isPresent()) {
			return post;
		}
		Optional<CommunityObject> comment = this.jdbc
			.sql("SELECT p.group_id, c.post_id FROM post_comment c JOIN post p ON p.id = c.post_id WHERE c.id = ?")
			.param(id)
			.query((rs, row) -> new CommunityObject(CommunityObject.Type.COMMENT, id, rs.getLong("group_id"),
					rs.getLong("post_id")))
			.optional();
		if (comment.isPresent()) {
			return comment;
		}
		return this.groups.findById(id).map((group) -> new CommunityObject(CommunityObject.Type.GROUP, id, id, null));
	}

	List<Long> idsByAuthor(long authorId, AuthorType type) {
		return this.jdbc.sql("SELECT id FROM post WHERE author_id = ? AND author_type = ?")
			.params(authorId, type.name())
			.query(Long.class)
			.list();
	}

	private static Post map(ResultSet rs, int row) throws SQLException {
		String message = rs.getString("message");
		return new Post(rs.getLong("id"), rs.getLong("group_id"), AuthorColumns.read(rs), message,
				Formatting.valueOf(rs.getString("formatting")), rs.getString("link"), Mentions.in(message),
				rs.getLong("comment_count"), rs.getLong("like_count"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
