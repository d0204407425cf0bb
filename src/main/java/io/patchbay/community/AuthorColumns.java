package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the {@code author_id}, {@code author_type} and {@code author_name} columns that
 * posts, comments and likes share.
 */
final class AuthorColumns {

	private AuthorColumns() {
	}

	static Author read(ResultSet rs) throws SQLException {
		return new Author(rs.getLong("author_id"), AuthorType.valueOf(rs.getString("author_type")),
				rs.getString("author_name"));
	}

}
