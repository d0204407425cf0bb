package io.patchbay.workflows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The run queue and history ({@code workflow_run}). Claims lock queued runs, and runs
 * whose node's lease ran out, with {@code FOR UPDATE SKIP LOCKED}; every later write of a
 * run checks that this node still holds its lease, so two nodes never both go on with
 * one.
 */
@Repository
class RunRepository {

	private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
	};

	private static final TypeReference<List<StepResult>> STEPS = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, workflow_id, trigger, tester_id, variables, status, next_step, steps, "
			+ "error, queued_at, started_at, finished_at";

	/** A run claimed for execution, with whose direct messages a test uses. */
	record Claimed(Run run, @Nullable Long testerId, int nextStep) {
	}

	/** How many runs wait, and since when the oldest. */
	record Queue(long depth, @Nullable Instant oldest) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RunRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Run run, @Nullable Long testerId) {
		this.jdbc
			.sql("INSERT INTO workflow_run (id, workflow_id, trigger, tester_id, variables, status, next_step, "
					+ "steps, queued_at) VALUES (?, ?, ?, ?, ?, ?, 0, '[]', ?)")
			.params(run.id(), run.workflowId(), run.trigger(), testerId, this.json.writeValueAsString(run.variables()),
					run.status().name(), Timestamp.from(run.queuedAt()))
			.update();
	}

	/**
	 * Locks up to {@code limit} runs to execute: queued, or left by a node whose lease
	 * ran out.
	 */
	List<Claimed> lockDue(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workflow_run WHERE status IN ('QUEUED', 'RUNNING') "
					+ "AND (lease_until IS NULL OR lease_until < ?) ORDER BY queued_at LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(Timestamp.from(now), limit)
			.query((rs, n) -> new Claimed(row(rs, n), (Long) rs.getObject("tester_id", Long.class),
					rs.getInt("next_step")))
			.list();
	}

	void lease(List<Long> ids, String node, Instant now, Instant until) {
		this.jdbc.sql("""
				UPDATE workflow_run SET status = 'RUNNING', lease_owner = :node, lease_until = :until,
				started_at = COALESCE(started_at, :now) WHERE id IN (:ids)""")
			.param("node", node)
			.param("until", Timestamp.from(until))
			.param("now", Timestamp.from(now))
			.param("ids", ids)
			.update();
	}

	/**
	 * Records the steps done so far and renews the lease; false when this node no longer
	 * holds the run (its lease ran out and another node took it).
	 */
	boolean progress(long id, String node, int nextStep, List<StepResult> steps, Instant until) {
		return this.jdbc.sql("""
				UPDATE workflow_run SET next_step = ?, steps = ?, lease_until = ?
				WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
			.params(nextStep, this.json.writeValueAsString(steps), Timestamp.from(until), id, node)
			.update() == 1;
	}

	boolean finish(long id, String node, Run.Status status, int nextStep, List<StepResult> steps,
			@Nullable String error, Instant now) {
		return this.jdbc.sql("""
				UPDATE workflow_run SET status = ?, next_step = ?, steps = ?, error = ?, finished_at = ?,
				lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'""")
			.params(status.name(), nextStep, this.json.writeValueAsString(steps), error, Timestamp.from(now), id, node)
			.update() == 1;
	}

	Optional<Run> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM workflow_run WHERE id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	/** A workflow's runs, newest first. */
	List<Run> history(long workflowId, PageRequest page) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workflow_run WHERE workflow_id = ? AND " + page.where("id", false)
					+ page.orderBy("id", false) + " LIMIT ?")
			.params(workflowId, page.key(false), page.rows())
			.query(this::row)
			.list();
	}

	Queue queue() {
		return this.jdbc.sql("SELECT COUNT(*), MIN(queued_at) FROM workflow_run WHERE status IN ('QUEUED', 'RUNNING')")
			.query((rs, n) -> {
				Timestamp oldest = rs.getTimestamp(2);
				return new Queue(rs.getLong(1), (oldest != null) ? oldest.toInstant() : null);
			})
			.single();
	}

	int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM workflow_run WHERE finished_at < ?").param(Timestamp.from(before)).update();
	}

	private Run row(ResultSet rs, int n) throws SQLException {
		return new Run(rs.getLong("id"), rs.getLong("workflow_id"), rs.getString("trigger"),
				this.json.readValue(rs.getString("variables"), VARIABLES), Run.Status.valueOf(rs.getString("status")),
				this.json.readValue(rs.getString("steps"), STEPS), rs.getString("error"), instant(rs, "queued_at"),
				instantOrNull(rs, "started_at"), instantOrNull(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
