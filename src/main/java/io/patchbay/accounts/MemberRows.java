package io.patchbay.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code member} and {@code admin_permission} tables.
 */
@Repository
class MemberRows {

	private static final String COLUMNS = "id, email, name, first_name, last_name, title, department, division, "
			+ "organization, primary_phone, primary_address, locale, manager_id, external_id, active, invited_at, "
			+ "claimed_at, created_at, updated_at";

	private final JdbcClient jdbc;

	MemberRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, MemberDetails details, @Nullable String passwordHash, Instant now) {
		this.jdbc
			.sql("INSERT INTO member (" + COLUMNS + ", email_key, password_hash) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?, ?, ?)")
			.params(id, details.email(), details.name(), details.firstName(), details.lastName(), details.title(),
					details.department(), details.division(), details.organization(), details.primaryPhone(),
					details.primaryAddress(), details.locale(), details.managerId(), details.externalId(),
					(passwordHash != null) ? Timestamp.from(now) : null, Timestamp.from(now), Timestamp.from(now),
					emailKey(details.email()), passwordHash)
			.update();
	}

	void update(long id, MemberDetails details, Instant now) {
		this.jdbc
			.sql("UPDATE member SET email = ?, email_key = ?, name = ?, first_name = ?, last_name = ?, title = ?, "
					+ "department = ?, division = ?, organization = ?, primary_phone = ?, primary_address = ?, "
					+ "locale = ?, manager_id = ?, external_id = ?, updated_at = ? WHERE id = ?")
			.params(details.email(), emailKey(details.email()), details.name(), details.firstName(), details.lastName(),
					details.title(), details.department(), details.division(), details.organization(),
					details.primaryPhone(), details.primaryAddress(), details.locale(), details.managerId(),
					details.externalId(), Timestamp.from(now), id)
			.update();
	}

	void setActive(long id, boolean active, Instant now) {
		this.jdbc.sql("UPDATE member SET active = ?, updated_at = ? WHERE id = ?")
			.params(active, Timestamp.from(now), id)
			.update();
	}

	void invited(long id, Instant now) {
		this.jdbc.sql("UPDATE member SET invited_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	void claimed(long id, String passwordHash, Instant now) {
		this.jdbc
			.sql("UPDATE member SET password_hash = ?, claimed_at = COALESCE(claimed_at, ?), updated_at = ? "
					+ "WHERE id = ?")
			.params(passwordHash, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	Optional<MemberProfile> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE id = ?").param(id).query(this::map).optional();
	}

	Optional<MemberProfile> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE email_key = ?")
			.param(emailKey(email))
			.query(this::map)
			.optional();
	}

	Optional<MemberProfile> findByExternalId(String externalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE external_id = ?")
			.param(externalId)
			.query(this::map)
			.optional();
	}

	List<MemberProfile> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(this::map)
			.list();
	}

	/**
	 * The rows of a page of members in id order, matching a name or email fragment, in
	 * the order {@link PageRequest#orderBy} reads them.
	 */
	List<MemberProfile> list(@Nullable String query, @Nullable Boolean active, PageRequest page) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM member WHERE " + page.where("id", true));
		List<Object> params = new ArrayList<>(List.of(page.key(true)));
		if (query != null && !query.isBlank()) {
			sql.append(" AND (LOWER(name) LIKE ? OR email_key LIKE ?)");
			String pattern = "%" + query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
			params.add(pattern);
			params.add(pattern);
		}
		if (active != null) {
			sql.append(" AND active = ?");
			params.add(active);
		}
		sql.append(page.orderBy("id", true)).append(" LIMIT ?");
		params.add(page.rows());
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	boolean emailTaken(String email, long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member WHERE email_key = ? AND id <> ?")
			.params(emailKey(email), exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean externalIdTaken(String externalId, long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM member WHERE external_id = ? AND id <> ?")
			.params(externalId, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The cheap check behind every signed-in request, in one indexed read: empty when the
	 * member is gone or deactivated, else their admin permissions now.
	 */
	Optional<Set<AdminPermission>> activePermissions(long id) {
		List<Optional<String>> rows = this.jdbc
			.sql("SELECT p.permission FROM member m LEFT JOIN admin_permission p ON p.member_id = m.id "
					+ "WHERE m.id = ? AND m.active = TRUE")
			.param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getString("permission")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Set<AdminPermission> permissions = EnumSet.noneOf(AdminPermission.class);
		rows.forEach((name) -> name.flatMap(AdminPermission::of).ifPresent(permissions::add));
		return Optional.of(permissions);
	}

	List<MemberProfile> reports(long managerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE manager_id = ? ORDER BY name, id")
			.param(managerId)
			.query(this::map)
			.list();
	}

	boolean isActive(long id) {
		return this.jdbc.sql("SELECT active FROM member WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	Set<AdminPermission> permissionsOf(long memberId) {
		Set<AdminPermission> permissions = EnumSet.noneOf(AdminPermission.class);
		this.jdbc.sql("SELECT permission FROM admin_permission WHERE member_id = ?")
			.param(memberId)
			.query(String.class)
			.list()
			.forEach((name) -> AdminPermission.of(name).ifPresent(permissions::add));
		return permissions;
	}

	void replacePermissions(long memberId, Set<AdminPermission> permissions) {
		this.jdbc.sql("DELETE FROM admin_permission WHERE member_id = ?").param(memberId).update();
		for (AdminPermission permission : permissions) {
			this.jdbc.sql("INSERT INTO admin_permission (member_id, permission) VALUES (?, ?)")
				.params(memberId, permission.authority())
				.update();
		}
	}

	private MemberProfile map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		long manager = rs.getLong("manager_id");
		Long managerId = rs.wasNull() ? null : manager;
		return new MemberProfile(id, rs.getString("email"), rs.getString("name"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("title"), rs.getString("department"), rs.getString("division"),
				rs.getString("organization"), rs.getString("primary_phone"), rs.getString("primary_address"),
				rs.getString("locale"), managerId, rs.getString("external_id"), rs.getBoolean("active"),
				permissionsOf(id), instant(rs.getTimestamp("invited_at")), instant(rs.getTimestamp("claimed_at")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static @Nullable String emailKey(@Nullable String email) {
		return (email != null) ? email.toLowerCase(Locale.ROOT) : null;
	}

}
