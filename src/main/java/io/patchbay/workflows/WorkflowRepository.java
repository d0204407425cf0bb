package io.patchbay.workflows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workflows' tables: {@code workflow}, its collaborators and the connections its
 * steps use. Collaborators are read for a whole page of workflows in one query.
 */
@Repository
class WorkflowRepository {

	private static final String COLUMNS = "id, name, description, creator_id, administrative, status, definition, "
			+ "version, created_at, updated_at, published_at";

	private final JdbcClient jdbc;

	private final DefinitionJson definitions;

	private final Map<Long, Parsed> parsed = new ConcurrentHashMap<>();

	/** A definition as parsed from the row of one version. */
	private record Parsed(long version, Definition definition) {
	}

	WorkflowRepository(JdbcClient jdbc, tools.jackson.databind.json.JsonMapper json) {
		this.jdbc = jdbc;
		this.definitions = new DefinitionJson(json);
	}

	void insert(Workflow workflow, WebhookUrls.Secret secret, Set<String> connections) {
		this.jdbc
			.sql("INSERT INTO workflow (" + COLUMNS + ", secret_hash, secret, trigger_type, trigger_thread_id) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(workflow.id(), workflow.name(), workflow.description(), workflow.creatorId(),
					workflow.administrative(), workflow.status().name(), definitionOf(workflow), workflow.version(),
					Timestamp.from(workflow.createdAt()), Timestamp.from(workflow.updatedAt()), null, secret.hash(),
					secret.sealed(), workflow.definition().trigger().type(), workflow.definition().trigger().threadId())
			.update();
		replaceLinks(workflow, connections);
	}

	/** Replaces name, description, definition and collaborators; the version grows. */
	void update(Workflow workflow, Set<String> connections) {
		this.jdbc.sql("""
				UPDATE workflow SET name = ?, description = ?, definition = ?, trigger_type = ?, trigger_thread_id = ?,
				version = version + 1, updated_at = ? WHERE id = ?""")
			.params(workflow.name(), workflow.description(), definitionOf(workflow),
					workflow.definition().trigger().type(), workflow.definition().trigger().threadId(),
					Timestamp.from(workflow.updatedAt()), workflow.id())
			.update();
		this.jdbc.sql("DELETE FROM workflow_collaborator WHERE workflow_id = ?").param(workflow.id()).update();
		this.jdbc.sql("DELETE FROM workflow_connection WHERE workflow_id = ?").param(workflow.id()).update();
		replaceLinks(workflow, connections);
	}

	void status(long id, Workflow.Status status, @Nullable Instant publishedAt, Instant now) {
		this.jdbc
			.sql("UPDATE workflow SET status = ?, published_at = ?, version = version + 1, updated_at = ? "
					+ "WHERE id = ?")
			.params(status.name(), (publishedAt != null) ? Timestamp.from(publishedAt) : null, Timestamp.from(now), id)
			.update();
	}

	void secret(long id, WebhookUrls.Secret secret, Instant now) {
		this.jdbc
			.sql("UPDATE workflow SET secret_hash = ?, secret = ?, version = version + 1, updated_at = ? "
					+ "WHERE id = ?")
			.params(secret.hash(), secret.sealed(), Timestamp.from(now), id)
			.update();
	}

	String sealedSecret(long id) {
		return this.jdbc.sql("SELECT secret FROM workflow WHERE id = ?").param(id).query(String.class).single();
	}

	Optional<Workflow> find(long id) {
		return withCollaborators(
				this.jdbc.sql("SELECT " + COLUMNS + " FROM workflow WHERE id = ?").param(id).query(this::row).list())
			.stream()
			.findFirst();
	}

	/** The workflow a webhook URL's secret hash names, collaborators left out. */
	Optional<Workflow> findBySecretHash(String hash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM workflow WHERE secret_hash = ?")
			.param(hash)
			.query(this::row)
			.optional();
	}

	List<Workflow> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM workflow WHERE id IN (:ids)")
			.param("ids", ids)
			.query(this::row)
			.list();
	}

	/** Newest first: a member's own and shared workflows, or all for {@code null}. */
	List<Workflow> list(@Nullable Long memberId, PageRequest page) {
		return list(memberId, null, page);
	}

	/** As above, those whose name contains {@code name} (ignoring case) when given. */
	List<Workflow> list(@Nullable Long memberId, @Nullable String name, PageRequest page) {
		String visible = (memberId == null) ? "" : " AND (creator_id = :member OR id IN "
				+ "(SELECT workflow_id FROM workflow_collaborator WHERE member_id = :member))";
		String named = (name == null || name.isBlank()) ? "" : " AND LOWER(name) LIKE :name";
		var sql = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workflow WHERE " + page.where("id", false).replace("?", ":key") + visible
					+ named + page.orderBy("id", false) + " LIMIT :rows")
			.param("key", page.key(false))
			.param("rows", page.rows());
		if (memberId != null) {
			sql = sql.param("member", memberId);
		}
		if (!named.isEmpty()) {
			sql = sql.param("name",
					"%" + name.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		return withCollaborators(sql.query(this::row).list());
	}

	/** The published workflows a channel trigger of this type starts, oldest first. */
	List<Workflow> publishedFor(String triggerType, String threadId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM workflow WHERE trigger_thread_id = ? AND trigger_type = ? "
					+ "AND status = 'PUBLISHED' ORDER BY id")
			.params(threadId, triggerType)
			.query(this::row)
			.list();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM workflow WHERE id = ?").param(id).update();
		this.parsed.remove(id);
	}

	/** The names of the published workflows whose steps use the connection. */
	List<String> publishedUsing(String connectionKey) {
		return this.jdbc.sql("""
				SELECT w.name FROM workflow w JOIN workflow_connection c ON c.workflow_id = w.id
				WHERE c.connection = ? AND w.status = 'PUBLISHED' ORDER BY w.name""")
			.param(connectionKey)
			.query(String.class)
			.list();
	}

	/**
	 * Takes the workflow's failure notice if none was given since {@code since}: true for
	 * the one caller who may send it.
	 */
	boolean takeFailureNotice(long id, Instant now, Instant since) {
		return this.jdbc.sql("""
				UPDATE workflow SET failure_notified_at = ?
				WHERE id = ? AND (failure_notified_at IS NULL OR failure_notified_at < ?)""")
			.params(Timestamp.from(now), id, Timestamp.from(since))
			.update() == 1;
	}

	private void replaceLinks(Workflow workflow, Set<String> connections) {
		for (long member : workflow.collaboratorIds()) {
			this.jdbc.sql("INSERT INTO workflow_collaborator (workflow_id, member_id) VALUES (?, ?)")
				.params(workflow.id(), member)
				.update();
		}
		for (String connection : connections) {
			this.jdbc.sql("INSERT INTO workflow_connection (workflow_id, connection) VALUES (?, ?)")
				.params(workflow.id(), connection)
				.update();
		}
	}

	private List<Workflow> withCollaborators(List<Workflow> workflows) {
		if (workflows.isEmpty()) {
			return workflows;
		}
		Map<Long, List<Long>> collaborators = new HashMap<>();
		this.jdbc
			.sql("SELECT workflow_id, member_id FROM workflow_collaborator WHERE workflow_id IN (:ids) "
					+ "ORDER BY member_id")
			.param("ids", workflows.stream().map(Workflow::id).toList())
			.query((rs) -> {
				collaborators.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>()).add(rs.getLong(2));
			});
		return workflows.stream()
			.map((w) -> new Workflow(w.id(), w.name(), w.description(), w.creatorId(), w.administrative(), w.status(),
					w.definition(), collaborators.getOrDefault(w.id(), List.of()), w.version(), w.createdAt(),
					w.updatedAt(), w.publishedAt()))
			.toList();
	}

	private String definitionOf(Workflow workflow) {
		return this.definitions.write(workflow.definition()).toString();
	}

	/**
	 * The row's definition, parsed once per version: every trigger and every claim reads
	 * its workflow, and the version grows with each change, so a copy of another version
	 * is never used.
	 */
	private Definition definition(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		long version = rs.getLong("version");
		Parsed parsed = this.parsed.get(id);
		if (parsed == null || parsed.version() != version) {
			parsed = new Parsed(version, this.definitions.parse(rs.getString("definition")));
			this.parsed.put(id, parsed);
		}
		return parsed.definition();
	}

	private Workflow row(ResultSet rs, int n) throws SQLException {
		Timestamp published = rs.getTimestamp("published_at");
		return new Workflow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getLong("creator_id"), rs.getBoolean("administrative"),
				Workflow.Status.valueOf(rs.getString("status")), definition(rs), List.of(), rs.getLong("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				(published != null) ? published.toInstant() : null);
	}

}
