package io.patchbay.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code connection} table; the credentials column holds ciphertext only. */
@Repository
class ConnectionRepository {

	/** A connection's columns, with its OAuth client's name and its tokens' state. */
	private static final String SELECT = "SELECT c.id, c.name, c.type, c.allowed_domain, c.header_name, c.created_at, "
			+ "c.updated_at, c.created_by, c.last_used_at, c.last_used_by, c.oauth_client_id, c.scopes, "
			+ "o.name AS client_name, t.status, t.expires_at, t.granted_scopes, t.last_error FROM connection c "
			+ "LEFT JOIN oauth_client o ON o.id = c.oauth_client_id LEFT JOIN oauth_token t ON t.connection_id = c.id";

	private final JdbcClient jdbc;

	ConnectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the connection; false when another has the name already. */
	boolean insert(Connection connection, String sealedCredentials) {
		try {
			this.jdbc
				.sql("INSERT INTO connection (id, name, name_key, type, allowed_domain, header_name, credentials, "
						+ "created_at, updated_at, created_by, oauth_client_id, scopes) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(connection.id(), connection.name(), key(connection.name()), connection.type().name(),
						connection.allowedDomain(), connection.headerName(), sealedCredentials,
						Timestamp.from(connection.createdAt()), Timestamp.from(connection.updatedAt()),
						connection.createdBy(), (connection.oauth() != null) ? connection.oauth().clientId() : null,
						(connection.oauth() != null) ? connection.oauth().scopes() : null)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<Connection> findAll() {
		return this.jdbc.sql(SELECT + " ORDER BY c.name_key").query(ConnectionRepository::map).list();
	}

	Optional<Connection> find(String name) {
		return this.jdbc.sql(SELECT + " WHERE c.name_key = ?")
			.param(key(name))
			.query(ConnectionRepository::map)
			.optional();
	}

	String sealedCredentials(long id) {
		return this.jdbc.sql("SELECT credentials FROM connection WHERE id = ?").param(id).query(String.class).single();
	}

	void replaceCredentials(long id, String sealedCredentials, Instant now) {
		this.jdbc.sql("UPDATE connection SET credentials = ?, updated_at = ? WHERE id = ?")
			.params(sealedCredentials, Timestamp.from(now), id)
			.update();
	}

	void used(long id, String by, Instant now) {
		this.jdbc.sql("UPDATE connection SET last_used_at = ?, last_used_by = ? WHERE id = ?")
			.params(Timestamp.from(now), by, id)
			.update();
	}

	/** The connections that use an OAuth client, by name. */
	List<String> namesUsingClient(long oauthClientId) {
		return this.jdbc.sql("SELECT name FROM connection WHERE oauth_client_id = ? ORDER BY name_key")
			.param(oauthClientId)
			.query(String.class)
			.list();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM connection WHERE id = ?").param(id).update();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static Connection map(ResultSet rs, int row) throws SQLException {
		ConnectionType type = ConnectionType.valueOf(rs.getString("type"));
		Connection.OAuth oauth = null;
		if (type == ConnectionType.OAUTH2) {
			String status = rs.getString("status");
			oauth = new Connection.OAuth(rs.getLong("oauth_client_id"), rs.getString("client_name"),
					rs.getString("scopes"), (status != null) ? TokenStatus.valueOf(status) : TokenStatus.ACTIVE,
					nullableInstant(rs, "expires_at"), rs.getString("granted_scopes"), rs.getString("last_error"));
		}
		return new Connection(rs.getLong("id"), rs.getString("name"), type, rs.getString("allowed_domain"),
				rs.getString("header_name"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getString("created_by"), nullableInstant(rs, "last_used_at"), rs.getString("last_used_by"), oauth);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
