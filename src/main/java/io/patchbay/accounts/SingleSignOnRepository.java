package io.patchbay.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.SealedSecrets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sso_settings} row: the OpenID Connect provider members sign in through. The
 * client secret is stored sealed; this class never sees it in the clear.
 */
@Repository
class SingleSignOnRepository implements SealedSecrets {

	static final String SECRET_CONTEXT = "sso_settings:";

	private final JdbcClient jdbc;

	SingleSignOnRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find() {
		return this.jdbc
			.sql("SELECT enabled, issuer_url, client_id, client_secret, password_sign_in, updated_at "
					+ "FROM sso_settings WHERE id = 1")
			.query((rs, row) -> new Row(rs.getBoolean("enabled"), rs.getString("issuer_url"), rs.getString("client_id"),
					rs.getString("client_secret"), rs.getBoolean("password_sign_in"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	void save(Row row) {
		int updated = this.jdbc
			.sql("UPDATE sso_settings SET enabled = ?, issuer_url = ?, client_id = ?, client_secret = ?, "
					+ "password_sign_in = ?, updated_at = ? WHERE id = 1")
			.params(row.enabled(), row.issuerUrl(), row.clientId(), row.sealedSecret(), row.passwordSignIn(),
					Timestamp.from(row.updatedAt()))
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO sso_settings (id, enabled, issuer_url, client_id, client_secret, password_sign_in, "
						+ "updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)")
				.params(row.enabled(), row.issuerUrl(), row.clientId(), row.sealedSecret(), row.passwordSignIn(),
						Timestamp.from(row.updatedAt()))
				.update();
		}
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("sso_settings", "id", "client_secret", SECRET_CONTEXT));
	}

	record Row(boolean enabled, String issuerUrl, String clientId, String sealedSecret, boolean passwordSignIn,
			Instant updatedAt) {
	}

}
