package io.patchbay.connections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code oauth_authorization} table: authorization-code flows under way, keyed by the
 * SHA-256 of their state. Taking one deletes it, so a state works once.
 */
@Repository
class AuthorizationRepository {

	record Pending(String connectionName, String allowedDomain, long oauthClientId, @Nullable String scopes,
			String sealedVerifier, String createdBy, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	AuthorizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String stateHash, Pending pending) {
		this.jdbc
			.sql("INSERT INTO oauth_authorization (state_hash, connection_name, allowed_domain, oauth_client_id, "
					+ "scopes, code_verifier, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(stateHash, pending.connectionName(), pending.allowedDomain(), pending.oauthClientId(),
					pending.scopes(), pending.sealedVerifier(), pending.createdBy(),
					Timestamp.from(pending.expiresAt()))
			.update();
	}

	/** The flow of this state, removed: whoever takes it first has it. */
	Optional<Pending> take(String stateHash) {
		Optional<Pending> pending = this.jdbc
			.sql("SELECT connection_name, allowed_domain, oauth_client_id, scopes, code_verifier, created_by, "
					+ "expires_at FROM oauth_authorization WHERE state_hash = ?")
			.param(stateHash)
			.query((rs, row) -> new Pending(rs.getString("connection_name"), rs.getString("allowed_domain"),
					rs.getLong("oauth_client_id"), rs.getString("scopes"), rs.getString("code_verifier"),
					rs.getString("created_by"), rs.getTimestamp("expires_at").toInstant()))
			.optional();
		if (pending.isEmpty() || this.jdbc.sql("DELETE FROM oauth_authorization WHERE state_hash = ?")
			.param(stateHash)
			.update() != 1) {
			return Optional.empty();
		}
		return pending;
	}

	/** Flows nobody finished: their states expired. */
	int purge(Instant now) {
		return this.jdbc.sql("DELETE FROM oauth_authorization WHERE expires_at < ?")
			.param(Timestamp.from(now))
			.update();
	}

}
