package io.patchbay.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_subscription} table: the one place that reads and writes it. The
 * verify token is stored sealed and only ever read on its own.
 */
@Repository
class SubscriptionRepository {

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, long integrationId, Topic topic, String callbackUrl, String sealedVerifyToken,
			List<String> fields, Instant now) {
		this.jdbc.sql("""
				INSERT INTO webhook_subscription (id, integration_id, topic, callback_url, verify_token, fields,
				  active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
			.params(id, integrationId, topic.name(), callbackUrl, sealedVerifyToken, String.join(",", fields),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** Saves a subscription again, which makes it active and healthy. */
	void update(long id, String callbackUrl, String sealedVerifyToken, List<String> fields, Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_subscription SET callback_url = ?, verify_token = ?, fields = ?, active = TRUE,
				  disabled_reason = NULL, failing_since = NULL, updated_at = ? WHERE id = ?""")
			.params(callbackUrl, sealedVerifyToken, String.join(",", fields), Timestamp.from(now), id)
			.update();
	}

	int delete(long integrationId, Topic topic) {
		return this.jdbc.sql("DELETE FROM webhook_subscription WHERE integration_id = ? AND topic = ?")
			.params(integrationId, topic.name())
			.update();
	}

	List<Subscription> of(long integrationId) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE integration_id = ? ORDER BY topic")
			.param(integrationId)
			.query((rs, row) -> map(rs))
			.list();
	}

	Optional<Subscription> find(long integrationId, Topic topic) {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE integration_id = ? AND topic = ?")
			.params(integrationId, topic.name())
			.query((rs, row) -> map(rs))
			.optional();
	}

	List<Subscription> allActive() {
		return this.jdbc.sql("SELECT * FROM webhook_subscription WHERE active = TRUE")
			.query((rs, row) -> map(rs))
			.list();
	}

	boolean anyActive(long integrationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE integration_id = ? AND active = TRUE")
			.param(integrationId)
			.query(Long.class)
			.single() > 0;
	}

	String sealedVerifyToken(long id) {
		return this.jdbc.sql("SELECT verify_token FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/**
	 * A success ends a run of failures: clears the failing mark of subscriptions a
	 * delivery succeeded for.
	 */
	void recovered(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql(
				"UPDATE webhook_subscription SET failing_since = NULL WHERE id IN (:ids) AND failing_since IS NOT NULL")
			.param("ids", ids)
			.update();
	}

	/** Notes a failure and answers since when the subscription has been failing. */
	Instant failing(long id, Instant at) {
		this.jdbc.sql("UPDATE webhook_subscription SET failing_since = ? WHERE id = ? AND failing_since IS NULL")
			.params(Timestamp.from(at), id)
			.update();
		return this.jdbc.sql("SELECT failing_since FROM webhook_subscription WHERE id = ?")
			.param(id)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(at);
	}

	/** Disables an active subscription; false when it was not active any more. */
	boolean disable(long id, String reason, Instant now) {
		return this.jdbc
			.sql("UPDATE webhook_subscription SET active = FALSE, disabled_reason = ?, updated_at = ? "
					+ "WHERE id = ? AND active = TRUE")
			.params(reason, Timestamp.from(now), id)
			.update() == 1;
	}

	private static Subscription map(ResultSet rs) throws SQLException {
		Timestamp failingSince = rs.getTimestamp("failing_since");
		return new Subscription(rs.getLong("id"), rs.getLong("integration_id"), Topic.valueOf(rs.getString("topic")),
				rs.getString("callback_url"), List.of(rs.getString("fields").split(",")), rs.getBoolean("active"),
				rs.getString("disabled_reason"), (failingSince != null) ? failingSince.toInstant() : null,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
