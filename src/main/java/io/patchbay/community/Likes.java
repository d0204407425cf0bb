package io.patchbay.community;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import io.patchbay.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likes of posts and comments; one per author and object.
 */
@Service
@Transactional
public class Likes {

	private final JdbcClient jdbc;

	private final Posts posts;

	private final Clock clock;

	Likes(JdbcClient jdbc, Posts posts, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.clock = clock;
	}

	/** Likes the post or comment; liking twice changes nothing. */
	public void like(long objectId, Author author) {
		requirePostOrComment(objectId);
		if (!likedBy(objectId, author.id())) {
			this.jdbc
				.sql("INSERT INTO reaction (object_id, author_id, author_type, author_name, created_at) "
						+ "VALUES (?, ?, ?, ?, ?)")
				.params(objectId, author.id(), author.type().name(), author.name(),
						Timestamp.from(this.clock.instant()))
				.update();
		}
	}

	public void unlike(long objectId, long authorId) {
		requirePostOrComment(objectId);
		this.jdbc.sql("DELETE FROM reaction WHERE object_id = ? AND author_id = ?").params(objectId, authorId).update();
	}

	@Transactional(readOnly = true)
	public boolean likedBy(long objectId, long authorId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM reaction WHERE object_id = ? AND author_id = ?")
			.params(objectId, authorId)
			.query(Long.class)
			.single() > 0;
	}

	/** Who liked the object, first likes first (at most 500). */
	@Transactional(readOnly = true)
	public List<Author> likers(long objectId) {
		requirePostOrComment(objectId);
		return this.jdbc.sql("SELECT * FROM reaction WHERE object_id = ? ORDER BY created_at, author_id LIMIT 500")
			.param(objectId)
			.query((rs, row) -> AuthorColumns.read(rs))
			.list();
	}

	void deleteByAuthor(long authorId) {
		this.jdbc.sql("DELETE FROM reaction WHERE author_id = ?").param(authorId).update();
	}

	private void requirePostOrComment(long objectId) {
		if (this.posts.locate(objectId).filter((found) -> found.type() != CommunityObject.Type.GROUP).isEmpty()) {
			throw new NotFoundException("Object", String.valueOf(objectId));
		}
	}

}
