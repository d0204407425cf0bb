package io.patchbay.community;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reaction} table: one like per author and post or comment.
 */
@Repository
class LikeRepository {

	private final JdbcClient jdbc;

	LikeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the like; a second like of the same object by the same author changes
	 * nothing.
	 */
	void insert(long objectId, Author author, Instant now) {
		if (likedBy(objectId, author.id())) {
			return;
		}
		try {
			this.jdbc
				.sql("INSERT INTO reaction (object_id, author_id, author_type, author_name, created_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(objectId, author.id(), author.type().name(), author.name(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// The same author liked it at the same moment from another request.
		}
	}

	void delete(long objectId, long authorId) {
		this.jdbc.sql("DELETE FROM reaction WHERE object_id = ? AND author_id = ?").params(objectId, authorId).update();
	}

	boolean likedBy(long objectId, long authorId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM reaction WHERE object_id = ? AND author_id = ?")
			.params(objectId, authorId)
			.query(Long.class)
			.single() > 0;
	}

	/** Which of the objects the author likes, in one query. */
	Set<Long> likedAmong(Collection<Long> objectIds, long authorId) {
		if (objectIds.isEmpty()) {
			return Set.of();
		}
		return Set
			.copyOf(this.jdbc.sql("SELECT object_id FROM reaction WHERE author_id = :author AND object_id IN (:ids)")
				.param("author", authorId)
				.param("ids", objectIds)
				.query(Long.class)
				.list());
	}

	/** Who liked the object, first likes first. */
	List<Author> likers(long objectId, int limit) {
		return this.jdbc.sql("SELECT * FROM reaction WHERE object_id = ? ORDER BY created_at, author_id LIMIT ?")
			.params(objectId, limit)
			.query((rs, row) -> AuthorColumns.read(rs))
			.list();
	}

	/** Deletes the likes of the objects (a deleted post with its comments). */
	void deleteOf(Collection<Long> objectIds) {
		if (!objectIds.isEmpty()) {
			this.jdbc.sql("DELETE FROM reaction WHERE object_id IN (:ids)").param("ids", objectIds).update();
		}
	}

	void deleteByAuthor(long authorId) {
		this.jdbc.sql("DELETE FROM reaction WHERE author_id = ?").param(authorId).update();
	}

}
