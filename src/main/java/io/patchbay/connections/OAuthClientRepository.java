package io.patchbay.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code oauth_client} table; the secret column holds ciphertext only. */
@Repository
class OAuthClientRepository {

	private static final String COLUMNS = "id, name, client_id, grant_type, authorization_url, token_url, "
			+ "default_scopes, client_authentication, created_at, updated_at";

	private final JdbcClient jdbc;

	OAuthClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean insert(OAuthClient client, String sealedSecret) {
		try {
			this.jdbc.sql("INSERT INTO oauth_client (id, name, name_key, client_id, client_secret, grant_type, "
					+ "authorization_url, token_url, default_scopes, client_authentication, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(client.id(), client.name(), client.name().toLowerCase(Locale.ROOT), client.clientId(),
						sealedSecret, client.grantType().name(), client.authorizationUrl(), client.tokenUrl(),
						client.defaultScopes(), client.clientAuthentication().name(),
						Timestamp.from(client.createdAt()), Timestamp.from(client.updatedAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void update(OAuthClient client, String sealedSecret) {
		this.jdbc
			.sql("UPDATE oauth_client SET client_id = ?, client_secret = ?, authorization_url = ?, token_url = ?, "
					+ "default_scopes = ?, client_authentication = ?, updated_at = ? WHERE id = ?")
			.params(client.clientId(), sealedSecret, client.authorizationUrl(), client.tokenUrl(),
					client.defaultScopes(), client.clientAuthentication().name(), Timestamp.from(client.updatedAt()),
					client.id())
			.update();
	}

	List<OAuthClient> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM oauth_client ORDER BY name_key")
			.query(OAuthClientRepository::map)
			.list();
	}

	Optional<OAuthClient> find(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM oauth_client WHERE name_key = ?")
			.param(name.toLowerCase(Locale.ROOT))
			.query(OAuthClientRepository::map)
			.optional();
	}

	Optional<OAuthClient> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM oauth_client WHERE id = ?")
			.param(id)
			.query(OAuthClientRepository::map)
			.optional();
	}

	String sealedSecret(long id) {
		return this.jdbc.sql("SELECT client_secret FROM oauth_client WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM oauth_client WHERE id = ?").param(id).update();
	}

	private static OAuthClient map(ResultSet rs, int row) throws SQLException {
		return new OAuthClient(rs.getLong("id"), rs.getString("name"), rs.getString("client_id"),
				OAuthClient.GrantType.valueOf(rs.getString("grant_type")), rs.getString("authorization_url"),
				rs.getString("token_url"), rs.getString("default_scopes"),
				OAuthClient.ClientAuthentication.valueOf(rs.getString("client_authentication")),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
