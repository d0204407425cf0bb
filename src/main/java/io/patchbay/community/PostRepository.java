package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code post} table; a post's counts are read with it.
 */
@Repository
class PostRepository {

	private static final String SELECT = "SELECT p.*, "
			+ "(SELECT COUNT(*) FROM post_comment c WHERE c.post_id = p.id) AS comment_count, "
			+ "(SELECT COUNT(*) FROM reaction r WHERE r.object_id = p.id) AS like_count FROM post p ";

	private final JdbcClient jdbc;

	PostRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, long groupId, Author author, String message, Formatting formatting, @Nullable String link,
			Instant now) {
		this.jdbc
			.sql("INSERT INTO post (id, group_id, author_id, author_type, author_name, message, formatting, link, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, groupId, author.id(), author.type().name(), author.name(), message, formatting.name(), link,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Optional<Post> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE p.id = ?").param(id).query(PostRepository::map).optional();
	}

	/** The group a post is in, without reading the post. */
	Optional<Long> groupOf(long id) {
		return this.jdbc.sql("SELECT group_id FROM post WHERE id = ?").param(id).query(Long.class).optional();
	}

	/**
	 * A page of a group's feed, newest first, as {@link PageRequest#orderBy} reads it.
	 */
	List<Post> feed(long groupId, FeedQuery query) {
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
		return this.jdbc.sql(sql.toString()).params(params).query(PostRepository::map).list();
	}

	void updateMessage(long id, String message, Instant now) {
		this.jdbc.sql("UPDATE post SET message = ?, updated_at = ? WHERE id = ?")
			.params(message, Timestamp.from(now), id)
			.update();
	}

	/** Deletes the post; its comments go with it (foreign key). */
	void delete(long id) {
		this.jdbc.sql("DELETE FROM post WHERE id = ?").param(id).update();
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
