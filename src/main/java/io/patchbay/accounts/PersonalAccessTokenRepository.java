package io.patchbay.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code member_token} table: members' personal access tokens, by hash. */
@Repository
class PersonalAccessTokenRepository {

	private final JdbcClient jdbc;

	PersonalAccessTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, long memberId, String name, String tokenHash, Instant now) {
		this.jdbc.sql("INSERT INTO member_token (id, member_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, memberId, name, tokenHash, Timestamp.from(now))
			.update();
	}

	List<PersonalAccessToken> of(long memberId) {
		return this.jdbc
			.sql("SELECT id, name, created_at, last_used_at FROM member_token WHERE member_id = ? ORDER BY id")
			.param(memberId)
			.query((rs, row) -> new PersonalAccessToken(rs.getLong("id"), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant(),
					(rs.getTimestamp("last_used_at") != null) ? rs.getTimestamp("last_used_at").toInstant() : null,
					null))
			.list();
	}

	long count(long memberId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member_token WHERE member_id = ?")
			.param(memberId)
			.query(Long.class)
			.single();
	}

	boolean delete(long memberId, long id) {
		return this.jdbc.sql("DELETE FROM member_token WHERE id = ? AND member_id = ?")
			.params(id, memberId)
			.update() > 0;
	}

	void deleteAll(long memberId) {
		this.jdbc.sql("DELETE FROM member_token WHERE member_id = ?").param(memberId).update();
	}

	void used(String tokenHash, Instant now) {
		this.jdbc.sql("UPDATE member_token SET last_used_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(now), tokenHash)
			.update();
	}

}
