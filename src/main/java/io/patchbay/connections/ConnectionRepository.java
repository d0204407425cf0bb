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

	private static final String COLUMNS = "id, name, type, allowed_domain, header_name, created_at, updated_at, "
			+ "created_by, last_used_at, last_used_by";

	private final JdbcClient jdbc;

	ConnectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the connection; false when another has the name already. */
	boolean insert(Connection connection, String sealedCredentials) {
		try {
			this.jdbc
				.sql("INSERT INTO connection (id, name, name_key, type, allowed_domain, header_name, credentials, "
						+ "created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(connection.id(), connection.name(), key(connection.name()), connection.type().name(),
						connection.allowedDomain(), connection.headerName(), sealedCredentials,
						Timestamp.from(connection.createdAt()), Timestamp.from(connection.updatedAt()),
						connection.createdBy())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<Connection> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM connection ORDER BY name_key")
			.query(ConnectionRepository::map)
			.list();
	}

	Optional<Connection> find(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM connection WHERE name_key = ?")
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

	void delete(long id) {
		this.jdbc.sql("DELETE FROM connection WHERE id = ?").param(id).update();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	private static Connection map(ResultSet rs, int row) throws SQLException {
		return new Connection(rs.getLong("id"), rs.getString("name"), ConnectionType.valueOf(rs.getString("type")),
				rs.getString("allowed_domain"), rs.getString("header_name"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getString("created_by"), nullableInstant(rs, "last_used_at"),
				rs.getString("last_used_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
