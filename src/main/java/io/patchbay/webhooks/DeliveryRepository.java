package io.patchbay.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.google.common.collect.Lists;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox and delivery log tables, {@code webhook_delivery} and
 * {@code webhook_attempt}: the one place that reads and writes them.
 */
@Repository
class DeliveryRepository {

	private static final int ROWS_PER_INSERT = 64;

	private static final String NEW_ROW = "(?, ?, ?, ?, ?, ?, ?, 1, 'PENDING', 0, ?, ?)";

	/**
	 * A due delivery as the engine claims it.
	 *
	 * @param body the batch fixed at the first attempt; {@code null} before it
	 */
	record Due(long id, long integrationId, Topic topic, String field, @Nullable Long groupId, String webhookId,
			String entry, @Nullable String body, int entryCount, int attempts) {
	}

	/** An entry sent as part of another delivery's batch. */
	record BatchEntry(long id, long headId, String field, @Nullable Long groupId, String entry) {
	}

	/** A row of {@code webhook_attempt}. */
	record AttemptRow(long id, long deliveryId, Instant at, @Nullable Integer status, long latencyMs,
			@Nullable String error, @Nullable String excerpt) {
	}

	/** How many deliveries wait, and since when the oldest. */
	record Queue(long depth, @Nullable Instant oldest) {
	}

	private final JdbcClient jdbc;

	/** For the statements run once per row of a batch, in one round trip. */
	private final JdbcTemplate batch;

	DeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A row {@link #insertAll} writes: one subscriber's copy of an entry. */
	record NewDelivery(long id, long integrationId, Topic topic, String field, @Nullable Long groupId) {
	}

	/**
	 * Inserts one entry for several subscribers, up to {@link #ROWS_PER_INSERT} rows per
	 * statement: one multi-row {@code INSERT} costs the database far less than as many
	 * single-row ones, even batched. The group's type is given so that a null needs no
	 * look-up of the statement's parameter types.
	 */
	void insertAll(List<NewDelivery> rows, String entry, Instant now) {
		Timestamp at = Timestamp.from(now);
		for (List<NewDelivery> chunk : Lists.partition(rows, ROWS_PER_INSERT)) {
			List<Object> params = new ArrayList<>(chunk.size() * 9);
			for (NewDelivery row : chunk) {
				params.addAll(List.of(row.id(), row.integrationId(), row.topic().name(), row.field(),
						new SqlParameterValue(Types.BIGINT, row.groupId()), "msg_" + row.id(), entry, at, at));
			}
			this.jdbc
				.sql("INSERT INTO webhook_delivery (id, integration_id, topic, field, group_id, webhook_id, entry, "
						+ "entry_count, status, attempt_count, next_attempt_at, created_at) VALUES "
						+ String.join(", ", Collections.nCopies(chunk.size(), NEW_ROW)))
				.params(params)
				.update();
		}
	}

	/** The log of an integration, newest first; merged entries are not deliveries. */
	List<Delivery> list(long integrationId, @Nullable DeliveryStatus status, int limit) {
		String filter = (status != null) ? " AND status = ?" : " AND status <> 'MERGED'";
		List<Object> params = (status != null) ? List.of(integrationId, status.name(), limit)
				: List.of(integrationId, limit);
		return this.jdbc
			.sql("SELECT * FROM webhook_delivery WHERE integration_id = ?" + filter
					+ " ORDER BY created_at DESC, id DESC LIMIT ?")
			.params(params)
			.query((rs, row) -> map(rs, List.of(), false))
			.list();
	}

	/** One delivery with its payload and every attempt. */
	Optional<Delivery> find(long deliveryId) {
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
			.optional();
	}

	/** Makes a delivery due now, whatever became of it, for a manual redelivery. */
	void makeDue(long deliveryId, Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL
				WHERE id = ?""").params(Timestamp.from(now), deliveryId).update();
	}

	/**
	 * Locks the due deliveries, oldest due first; other nodes skip them. A leased
	 * delivery is due again when its lease ends (see {@link #lease}), so the claim reads
	 * only the index range of what it takes, however many deliveries are in flight.
	 */
	List<Due> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id, integration_id, topic, field, group_id, webhook_id, entry, body, entry_count, attempt_count
				FROM webhook_delivery
				WHERE status = 'PENDING' AND next_attempt_at <= ?
				ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), limit)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("integration_id"),
					Topic.valueOf(rs.getString("topic")), rs.getString("field"),
					(Long) rs.getObject("group_id", Long.class), rs.getString("webhook_id"), rs.getString("entry"),
					rs.getString("body"), rs.getInt("entry_count"), rs.getInt("attempt_count")))
			.list();
	}

	/**
	 * The entries merged into the given batches, in their order; those dropped from a
	 * batch since are no longer merged.
	 */
	List<BatchEntry> mergedInto(List<Long> headIds) {
		return this.jdbc.sql("""
				SELECT id, merged_into, field, group_id, entry FROM webhook_delivery
				WHERE merged_into IN (:heads) AND status = 'MERGED' ORDER BY created_at, id""")
			.param("heads", headIds)
			.query((rs, n) -> new BatchEntry(rs.getLong("id"), rs.getLong("merged_into"), rs.getString("field"),
					(Long) rs.getObject("group_id", Long.class), rs.getString("entry")))
			.list();
	}

	/**
	 * Leases deliveries to a node: they are due again when the lease ends, unless the
	 * node records an outcome first. (A separate lease condition in the claim made every
	 * claim scan all deliveries in flight: under overload, claims slowed as the backlog
	 * grew.)
	 */
	void lease(List<Long> ids, String node, Instant until) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET lease_owner = :node, next_attempt_at = :until
				WHERE id IN (:ids)""")
			.param("node", node)
			.param("until", Timestamp.from(until))
			.param("ids", ids)
			.update();
	}

	/** The body of a batch is fixed at its first attempt, on the row that carries it. */
	void fixBody(long headId, String body, int entryCount) {
		this.jdbc.sql("UPDATE webhook_delivery SET body = ?, entry_count = ? WHERE id = ?")
			.params(body, entryCount, headId)
			.update();
	}

	/** The other entries of a batch, sent with the head and not listed on their own. */
	void merge(long headId, List<Long> ids) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'MERGED', merged_into = :head, lease_owner = NULL
				WHERE id IN (:ids)""").param("head", headId).param("ids", ids).update();
	}

	/** Gives up on deliveries without an attempt. */
	void abandon(List<Long> ids, String reason) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'FAILED', last_error = :reason, lease_owner = NULL
				WHERE id IN (:ids)""").param("reason", reason).param("ids", ids).update();
	}

	/** Marks deliveries sent, in one batch. */
	void succeeded(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				UPDATE webhook_delivery SET status = 'SUCCEEDED', attempt_count = ?, last_attempt_at = ?,
				  last_status_code = ?, last_error = NULL, lease_owner = NULL WHERE id = ?""",
				outcomes.stream()
					.map((outcome) -> new Object[] { outcome.attempt(), Timestamp.from(outcome.at()), outcome.status(),
							outcome.deliveryId() })
					.toList());
	}

	/** Records a failed attempt: due again at {@code next}, or failed for good. */
	void failed(long deliveryId, DeliveryStatus outcome, int attempt, Instant at, @Nullable Integer status,
			String error, Instant next) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = ?, attempt_count = ?, last_attempt_at = ?, last_status_code = ?,
				  last_error = ?, next_attempt_at = ?, lease_owner = NULL
				WHERE id = ?""")
			.params(outcome.name(), attempt, Timestamp.from(at), status, error, Timestamp.from(next), deliveryId)
			.update();
	}

	/** Inserts attempt rows, in one batch. */
	void insertAttempts(List<AttemptRow> attempts) {
		if (attempts.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				INSERT INTO webhook_attempt (id, delivery_id, attempted_at, status_code, latency_ms, error,
				  response_excerpt) VALUES (?, ?, ?, ?, ?, ?, ?)""",
				attempts.stream()
					.map((row) -> new Object[] { row.id(), row.deliveryId(), Timestamp.from(row.at()), row.status(),
							row.latencyMs(), row.error(), row.excerpt() })
					.toList());
	}

	Queue pending() {
		return this.jdbc
			.sql("SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM webhook_delivery WHERE status = 'PENDING'")
			.query((rs, row) -> new Queue(rs.getLong("depth"), instant(rs, "oldest")))
			.single();
	}

	/** Deletes finished deliveries, with their attempts, created before the cutoff. */
	int purge(Instant cutoff) {
		this.jdbc.sql("""
				DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery
				  WHERE status <> 'PENDING' AND created_at < ?)""").param(Timestamp.from(cutoff)).update();
		return this.jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	private static Delivery map(ResultSet rs, List<Delivery.Attempt> attempts, boolean withPayload)
			throws SQLException {
		DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
		Topic topic = Topic.valueOf(rs.getString("topic"));
		String payload = withPayload ? rs.getString("body") : null;
		if (withPayload && payload == null) {
			// Not sent yet: what it would carry alone.
			payload = Envelope.of(topic, List.of(rs.getString("entry")));
		}
		return new Delivery(rs.getLong("id"), rs.getLong("integration_id"), topic, rs.getString("field"),
				rs.getString("webhook_id"), status, rs.getInt("entry_count"), rs.getInt("attempt_count"),
				rs.getTimestamp("created_at").toInstant(), instant(rs, "last_attempt_at"),
				(status == DeliveryStatus.PENDING) ? instant(rs, "next_attempt_at") : null,
				(Integer) rs.getObject("last_status_code", Integer.class), rs.getString("last_error"), payload,
				attempts);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
