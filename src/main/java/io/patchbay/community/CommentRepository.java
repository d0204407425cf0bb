package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code post_comment} table; a comment's group and counts are read with it.
 */
@Repository
class CommentRepository {

	private static final String SELECT = "SELECT c.*, p.group_id, "
			+ "(SELECT COUNT(*) FROM post_comment r WHERE r.parent_id = c.id) AS reply_count, "
			+ "(SELECT COUNT(*) FROM reaction l WHERE l.object_id = c.id) AS like_count "
			+ "FROM post_comment c JOIN post p ON p.id = c.post_id ";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, long postId, @Nullable Long parentId, Author author, String message, Instant now) {
		this.jdbc
			.sql("INSERT INTO post_comment (id, post_id, parent_id, author_id, author_type, author_name, message, "
					+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, postId, parentId, author.id(), author.type().name(), author.name(), message,
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Optional<Comment> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(CommentRepository::map).optional();
	}

	/** The post a comment belongs to, without reading the comment. */
	Optional<Long> postOf(long id) {
		return this.jdbc.sql("SELECT post_id FROM post_comment WHERE id = ?").param(id).query(Long.class).optional();
	}

	/**
	 * A post's top-level comments or a comment's replies, oldest first, as
	 * {@link PageRequest#orderBy} reads them.
	 */
	List<Comment> list(long objectId, boolean replies, PageRequest page) {
		String where = replies ? "WHERE c.parent_id = ?" : "WHERE c.post_id = ? AND c.parent_id IS NULL";
		return this.jdbc
			.sql(SELECT + where + " AND " + page.where("c.id", true) + page.orderBy("c.id", true) + " LIMIT ?")
			.params(objectId, page.key(true), page.rows())
			.query(CommentRepository::map)
			.list();
	}

	/**
	 * The first comments and replies of several posts at once, oldest first: at most
	 * {@code perPost} of each post, in one query.
	 */
	List<Comment> ofPosts(Collection<Long> postIds, int perPost) {
		if (postIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT * FROM (SELECT c.*, p.group_id, "
					+ "(SELECT COUNT(*) FROM post_comment r WHERE r.parent_id = c.id) AS reply_count, "
					+ "(SELECT COUNT(*) FROM reaction l WHERE l.object_id = c.id) AS like_count, "
					+ "ROW_NUMBER() OVER (PARTITION BY c.post_id ORDER BY c.id) AS nth "
					+ "FROM post_comment c JOIN post p ON p.id = c.post_id WHERE c.post_id IN (:posts)) ranked "
					+ "WHERE nth <= :perPost ORDER BY id")
			.param("posts", postIds)
			.param("perPost", perPost)
			.query(CommentRepository::map)
			.list();
	}

	void updateMessage(long id, String message, Instant now) {
		this.jdbc.sql("UPDATE post_comment SET message = ?, updated_at = ? WHERE id = ?")
			.params(message, Timestamp.from(now), id)
			.update();
	}

	/** Deletes the comment; its replies go with it (foreign key). */
	void delete(long id) {
		this.jdbc.sql("DELETE FROM post_comment WHERE id = ?").param(id).update();
	}

	/** The ids of a comment's replies, or of all a post's comments. */
	List<Long> idsUnder(long objectId, boolean post) {
		return this.jdbc.sql("SELECT id FROM post_comment WHERE " + (post ? "post_id" : "parent_id") + " = ?")
			.param(objectId)
			.query(Long.class)
			.list();
	}

	/** Newest first, so that replies come before the comments they answer. */
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
