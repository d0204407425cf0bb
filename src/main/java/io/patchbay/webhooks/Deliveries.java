package io.patchbay.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.platform.Ids;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox and the delivery log. Events are enqueued inside the transaction of the
 * change that raised them, so a committed change always has its deliveries and a
 * rolled-back one never does; the engine is woken once the transaction commits.
 */
@Service
public class Deliveries {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DeliveryEngine engine;

	private final Ids ids;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, JsonMapper json, DeliveryEngine engine, Ids ids, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.engine = engine;
		this.ids = ids;
		this.clock = clock;
	}

	/** Records an entry for a subscriber; call inside the change's transaction. */
	void enqueue(Subscriber subscriber, String field, Map<String, Object> entry) {
		long id = this.ids.next();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (id, integration_id, topic, field, webhook_id, entry, entry_count, status,
				  attempt_count, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, 'PENDING', 0, ?, ?)""")
			.params(id, subscriber.integration().id(), subscriber.subscription().topic().name(), field, "msg_" + id,
					this.json.writeValueAsString(entry), now, now)
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Deliveries.this.engine.wake();
				}
			});
		}
		else {
			this.engine.wake();
		}
	}

	@Transactional(readOnly = true)
	public List<Delivery> of(long integrationId, @Nullable DeliveryStatus status, int limit) {
		String filter = (status != null) ? " AND status = '" + status.name() + "'" : " AND status <> 'MERGED'";
		return this.jdbc
			.sql("SELECT * FROM webhook_delivery WHERE integration_id = ?" + filter
					+ " ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(integrationId, Math.clamp(limit, 1, 500))
			.query((rs, row) -> map(rs, List.of(), false))
			.list();
	}

	@Transactional(readOnly = true)
	public Delivery find(long deliveryId) {
		List<Delivery.Attempt> attempts = this.jdbc
			.sql("SELECT * FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempted_at, id")
			.param(deliveryId)
			.query((rs, row) -> new Delivery.Attempt(rs.getTimestamp("attempted_at").toInstant(),
					(Integer) rs.getObject("status_code", Integer.class), rs.getLong("latency_ms"),
					rs.getString("error"), rs.getString("response_excerpt")))
			.list();
		return this.jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ? AND status <> 'MERGED'")
			.param(deliveryId)
			.query((rs, row) -> map(rs, attempts, true))
			.optional()
			.orElseThrow(() -> new NotFoundException("Delivery", String.valueOf(deliveryId)));
	}

	/** Sends a delivery again, as a new attempt with the same {@code webhook-id}. */
	@Transactional
	public Delivery redeliver(long deliveryId) {
		Delivery delivery = find(deliveryId);
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL,
				  lease_until = NULL WHERE id = ?""")
			.params(Timestamp.from(this.clock.instant()), delivery.id())
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Deliveries.this.engine.wake();
			}
		});
		return find(deliveryId);
	}

	private static Delivery map(ResultSet rs, List<Delivery.Attempt> attempts, boolean withPayload)
			throws SQLException {
		DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
		String payload = withPayload ? rs.getString("body") : null;
		if (withPayload && payload == null) {
			payload = "{\"object\":\"" + Topic.valueOf(rs.getString("topic")).object() + "\",\"entry\":["
					+ rs.getString("entry") + "]}";
		}
		return new Delivery(rs.getLong("id"), rs.getLong("integration_id"), Topic.valueOf(rs.getString("topic")),
				rs.getString("field"), rs.getString("webhook_id"), status, rs.getInt("entry_count"),
				rs.getInt("attempt_count"), rs.getTimestamp("created_at").toInstant(), instant(rs, "last_attempt_at"),
				(status == DeliveryStatus.PENDING) ? instant(rs, "next_attempt_at") : null,
				(Integer) rs.getObject("last_status_code", Integer.class), rs.getString("last_error"), payload,
				attempts);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
