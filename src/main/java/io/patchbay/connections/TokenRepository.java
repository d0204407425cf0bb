package io.patchbay.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code oauth_token} table: an OAUTH2 connection's tokens (sealed), their expiry and
 * status, and the refresh lease that makes a refresh single-flight across the cluster.
 */
@Repository
class TokenRepository {

	/** The stored state; the tokens still sealed. */
	record Row(long connectionId, String sealedAccessToken, @Nullable String sealedRefreshToken, String tokenType,
			@Nullable Instant expiresAt, @Nullable String grantedScopes, TokenStatus status, int failures,
			@Nullable String lastError, long version) {
	}

	/** Tokens as a refresh stores them, sealed. */
	record Stored(String sealedAccessToken, @Nullable String sealedRefreshToken, String tokenType,
			@Nullable Instant expiresAt, @Nullable String grantedScopes) {
	}

	private final JdbcClient jdbc;

	TokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long connectionId, Stored tokens, Instant now) {
		this.jdbc
			.sql("INSERT INTO oauth_token (connection_id, access_token, refresh_token, token_type, expires_at, "
					+ "granted_scopes, status, failures, version, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 1, ?)")
			.params(connectionId, tokens.sealedAccessToken(), tokens.sealedRefreshToken(), tokens.tokenType(),
					timestamp(tokens.expiresAt()), tokens.grantedScopes(), TokenStatus.ACTIVE.name(),
					Timestamp.from(now))
			.update();
	}

	Optional<Row> find(long connectionId) {
		return this.jdbc
			.sql("SELECT connection_id, access_token, refresh_token, token_type, expires_at, granted_scopes, status, "
					+ "failures, last_error, version FROM oauth_token WHERE connection_id = ?")
			.param(connectionId)
			.query(TokenRepository::map)
			.optional();
	}

	/**
	 * Takes the refresh lease of the token at {@code version}, unless another node holds
	 * it or the token was refreshed since: true when this caller is the one to refresh.
	 */
	boolean lease(long connectionId, long version, Instant now, Instant until) {
		return this.jdbc
			.sql("UPDATE oauth_token SET refresh_lease_until = ? WHERE connection_id = ? AND version = ? "
					+ "AND (refresh_lease_until IS NULL OR refresh_lease_until < ?)")
			.params(Timestamp.from(until), connectionId, version, Timestamp.from(now))
			.update() == 1;
	}

	/** New tokens, a new version, the lease released and the failures forgotten. */
	void refreshed(long connectionId, Stored tokens, Instant now) {
		this.jdbc
			.sql("UPDATE oauth_token SET access_token = ?, refresh_token = ?, token_type = ?, expires_at = ?, "
					+ "granted_scopes = ?, status = ?, failures = 0, last_error = NULL, version = version + 1, "
					+ "refresh_lease_until = NULL, refreshed_at = ? WHERE connection_id = ?")
			.params(tokens.sealedAccessToken(), tokens.sealedRefreshToken(), tokens.tokenType(),
					timestamp(tokens.expiresAt()), tokens.grantedScopes(), TokenStatus.ACTIVE.name(),
					Timestamp.from(now), connectionId)
			.update();
	}

	/** A failed refresh: counted, said, the lease released. */
	void failed(long connectionId, String error, TokenStatus status) {
		this.jdbc
			.sql("UPDATE oauth_token SET failures = failures + 1, last_error = ?, status = ?, "
					+ "refresh_lease_until = NULL WHERE connection_id = ?")
			.params(error.length() > 500 ? error.substring(0, 500) : error, status.name(), connectionId)
			.update();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		Timestamp expires = rs.getTimestamp("expires_at");
		return new Row(rs.getLong("connection_id"), rs.getString("access_token"), rs.getString("refresh_token"),
				rs.getString("token_type"), (expires != null) ? expires.toInstant() : null,
				rs.getString("granted_scopes"), TokenStatus.valueOf(rs.getString("status")), rs.getInt("failures"),
				rs.getString("last_error"), rs.getLong("version"));
	}

}
