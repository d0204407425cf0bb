package io.patchbay.integrations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The integration tables. Permissions and group lists are read in one query per list, not
 * one per integration.
 */
@Repository
class IntegrationRepository {

	private static final String SELECT = "SELECT i.*, "
			+ "(SELECT COUNT(*) FROM access_token t WHERE t.integration_id = i.id) AS token_count, "
			+ "(SELECT COUNT(*) FROM integration_logo l WHERE l.integration_id = i.id) AS logo_count "
			+ "FROM integration i";

	private final JdbcClient jdbc;

	IntegrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Integration integration, String encryptedAppSecret) {
		this.jdbc.sql("""
				INSERT INTO integration (id, app_id, page_id, kind, name, name_key, description, enabled, visible,
				  app_secret, all_groups, allowed_ips, require_app_secret_proof, created_at, updated_at)
				VALUES (:id, :appId, :pageId, :kind, :name, :nameKey, :description, :enabled, :visible,
				  :appSecret, TRUE, '', FALSE, :createdAt, :createdAt)""")
			.param("id", integration.id())
			.param("appId", integration.appId())
			.param("pageId", integration.pageId())
			.param("kind", integration.kind().name())
			.param("name", integration.name())
			.param("nameKey", nameKey(integration.name()))
			.param("description", integration.description())
			.param("enabled", integration.enabled())
			.param("visible", integration.visible())
			.param("appSecret", encryptedAppSecret)
			.param("createdAt", Timestamp.from(integration.createdAt()))
			.update();
		replacePermissions(integration.id(), integration.permissions());
	}

	Optional<Integration> findById(long id) {
		List<Integration> found = query(SELECT + " WHERE i.id = ?", id);
		return found.stream().findFirst();
	}

	Optional<Integration> findByPageId(long pageId) {
		return this.jdbc.sql("SELECT id FROM integration WHERE page_id = ?")
			.param(pageId)
			.query(Long.class)
			.optional()
			.flatMap(this::findById);
	}

	List<Integration> findAll() {
		return query(SELECT + " ORDER BY i.name_key");
	}

	boolean nameTaken(String name, long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM integration WHERE name_key = ? AND id <> ?")
			.params(nameKey(name), exceptId)
			.query(Long.class)
			.single() > 0;
	}

	void updateDetails(long id, String name, String description, boolean enabled, boolean visible,
			@Nullable String disabledReason, Instant now) {
		this.jdbc.sql("""
				UPDATE integration SET name = ?, name_key = ?, description = ?, enabled = ?, visible = ?,
				  disabled_reason = ?, updated_at = ? WHERE id = ?""")
			.params(name, nameKey(name), description, enabled, visible, disabledReason, Timestamp.from(now), id)
			.update();
	}

	void replacePermissions(long id, Set<Permission> permissions) {
		this.jdbc.sql("DELETE FROM integration_permission WHERE integration_id = ?").param(id).update();
		for (Permission permission : permissions) {
			this.jdbc.sql("INSERT INTO integration_permission (integration_id, permission) VALUES (?, ?)")
				.params(id, permission.apiName())
				.update();
		}
	}

	void replaceGroupAccess(long id, GroupAccess access) {
		this.jdbc.sql("UPDATE integration SET all_groups = ? WHERE id = ?").params(access.all(), id).update();
		this.jdbc.sql("DELETE FROM integration_group WHERE integration_id = ?").param(id).update();
		for (long groupId : access.groupIds()) {
			this.jdbc.sql("INSERT INTO integration_group (integration_id, group_id) VALUES (?, ?)")
				.params(id, groupId)
				.update();
		}
	}

	void updateSecurity(long id, SecuritySettings security) {
		this.jdbc
			.sql("UPDATE integration SET allowed_ips = ?, require_app_secret_proof = ?, require_app_secret_time = ? "
					+ "WHERE id = ?")
			.params(String.join(",", security.allowedIps()), security.requireAppSecretProof(),
					security.requireAppSecretTime(), id)
			.update();
	}

	void touch(long id, Instant now) {
		this.jdbc.sql("UPDATE integration SET updated_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
	}

	String encryptedAppSecret(long id) {
		return this.jdbc.sql("SELECT app_secret FROM integration WHERE id = ?").param(id).query(String.class).single();
	}

	void updateAppSecret(long id, String encryptedAppSecret) {
		this.jdbc.sql("UPDATE integration SET app_secret = ? WHERE id = ?").params(encryptedAppSecret, id).update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM integration WHERE id = ?").param(id).update();
	}

	/** Stores the hash of the integration's one live token, revoking any other. */
	void replaceAccessToken(long id, String tokenHash, Instant now) {
		deleteAccessToken(id);
		this.jdbc.sql("INSERT INTO access_token (integration_id, token_hash, created_at) VALUES (?, ?, ?)")
			.params(id, tokenHash, Timestamp.from(now))
			.update();
	}

	void deleteAccessToken(long id) {
		this.jdbc.sql("DELETE FROM access_token WHERE integration_id = ?").param(id).update();
	}

	Optional<Long> findByTokenHash(String tokenHash) {
		return this.jdbc.sql("SELECT integration_id FROM access_token WHERE token_hash = ?")
			.param(tokenHash)
			.query(Long.class)
			.optional();
	}

	void replaceLogo(long id, Logo logo, Instant now) {
		this.jdbc.sql("DELETE FROM integration_logo WHERE integration_id = ?").param(id).update();
		this.jdbc
			.sql("INSERT INTO integration_logo (integration_id, content_type, content, updated_at) VALUES (?, ?, ?, ?)")
			.params(id, logo.contentType(), logo.content(), Timestamp.from(now))
			.update();
	}

	Optional<Logo> findLogo(long id) {
		return this.jdbc.sql("SELECT content_type, content FROM integration_logo WHERE integration_id = ?")
			.param(id)
			.query((rs, row) -> new Logo(rs.getString("content_type"), rs.getBytes("content")))
			.optional();
	}

	/** The enabled integrations created before the cutoff, by id and name. */
	Map<Long, String> enabledCreatedBefore(Instant cutoff) {
		Map<Long, String> found = new LinkedHashMap<>();
		this.jdbc.sql("SELECT id, name FROM integration WHERE enabled = TRUE AND created_at < ? ORDER BY id")
			.param(Timestamp.from(cutoff))
			.query((ResultSet rs) -> {
				found.put(rs.getLong("id"), rs.getString("name"));
			});
		return found;
	}

	/** Disables an enabled integration for lack of use; false when it was not enabled. */
	boolean disableDormant(long id, Instant now) {
		return this.jdbc
			.sql("UPDATE integration SET enabled = FALSE, disabled_reason = ?, updated_at = ? "
					+ "WHERE id = ? AND enabled = TRUE")
			.params(Integration.DORMANT, Timestamp.from(now), id)
			.update() == 1;
	}

	private List<Integration> query(String sql, Object... params) {
		Map<Long, Set<Permission>> permissions = new HashMap<>();
		Map<Long, List<Long>> groups = new HashMap<>();
		String scope = (params.length == 0) ? "" : " WHERE integration_id = ?";
		this.jdbc.sql("SELECT integration_id, permission FROM integration_permission" + scope)
			.params(Arrays.asList(params))
			.query((ResultSet rs) -> {
				Set<Permission> held = permissions.computeIfAbsent(rs.getLong("integration_id"),
						(k) -> EnumSet.noneOf(Permission.class));
				Permission.of(rs.getString("permission")).ifPresent(held::add);
			});
		this.jdbc.sql("SELECT integration_id, group_id FROM integration_group" + scope + " ORDER BY group_id")
			.params(Arrays.asList(params))
			.query((ResultSet rs) -> {
				groups.computeIfAbsent(rs.getLong("integration_id"), (k) -> new ArrayList<>())
					.add(rs.getLong("group_id"));
			});
		return this.jdbc.sql(sql)
			.params(Arrays.asList(params))
			.query((rs, row) -> map(rs, permissions.getOrDefault(rs.getLong("id"), Set.of()),
					groups.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	private static Integration map(ResultSet rs, Set<Permission> permissions, List<Long> groups) throws SQLException {
		String ips = rs.getString("allowed_ips");
		return new Integration(rs.getLong("id"), rs.getLong("app_id"), rs.getLong("page_id"),
				IntegrationKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("enabled"), rs.getBoolean("visible"),
				permissions.isEmpty() ? Set.of() : EnumSet.copyOf(permissions),
				rs.getBoolean("all_groups") ? GroupAccess.ALL : GroupAccess.only(groups),
				new SecuritySettings(ips.isEmpty() ? List.of() : List.of(ips.split(",")),
						rs.getBoolean("require_app_secret_proof"), rs.getBoolean("require_app_secret_time")),
				rs.getLong("logo_count") > 0, rs.getLong("token_count") > 0, rs.getString("disabled_reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	static String nameKey(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

}
