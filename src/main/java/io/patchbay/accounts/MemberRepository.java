package io.patchbay.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members and their admin permissions: the {@code member} and {@code admin_permission}
 * tables, and the only SQL that touches them. Lists read the permissions of all their
 * members in one query.
 */
@Repository
class MemberRepository {

	private static final String COLUMNS = "id, email, name, first_name, last_name, title, department, division, "
			+ "organization, primary_phone, primary_address, locale, manager_id, external_id, employee_number, active, "
			+ "invited_at, claimed_at, created_at, updated_at";

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long id, MemberDetails details, @Nullable String passwordHash, Instant now) {
		this.jdbc
			.sql("INSERT INTO member (" + COLUMNS + ", email_key, password_hash) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?, ?, ?)")
			.params(id, details.email(), details.name(), details.firstName(), details.lastName(), details.title(),
					details.department(), details.division(), details.organization(), details.primaryPhone(),
					details.primaryAddress(), details.locale(), details.managerId(), details.externalId(),
					details.employeeNumber(), (passwordHash != null) ? Timestamp.from(now) : null, Timestamp.from(now),
					Timestamp.from(now), emailKey(details.email()), passwordHash)
			.update();
	}

	void update(long id, MemberDetails details, Instant now) {
		this.jdbc
			.sql("UPDATE member SET email = ?, email_key = ?, name = ?, first_name = ?, last_name = ?, title = ?, "
					+ "department = ?, division = ?, organization = ?, primary_phone = ?, primary_address = ?, "
					+ "locale = ?, manager_id = ?, external_id = ?, employee_number = ?, updated_at = ? WHERE id = ?")
			.params(details.email(), emailKey(details.email()), details.name(), details.firstName(), details.lastName(),
					details.title(), details.department(), details.division(), details.organization(),
					details.primaryPhone(), details.primaryAddress(), details.locale(), details.managerId(),
					details.externalId(), details.employeeNumber(), Timestamp.from(now), id)
			.update();
	}

	/** Deactivating also ends the sessions, so that reactivation does not revive them. */
	void setActive(long id, boolean active, Instant now) {
		this.jdbc
			.sql("UPDATE member SET active = ?, updated_at = ?, session_version = session_version + ? WHERE id = ?")
			.params(active, Timestamp.from(now), active ? 0 : 1, id)
			.update();
	}

	void invited(long id, Instant now) {
		this.jdbc.sql("UPDATE member SET invited_at = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Sets a new password (claiming the account the first time) and ends every session
	 * opened before. Answers the new session version.
	 */
	int changePassword(long id, String passwordHash, Instant now) {
		this.jdbc
			.sql("UPDATE member SET password_hash = ?, claimed_at = COALESCE(claimed_at, ?), updated_at = ?, "
					+ "session_version = session_version + 1 WHERE id = ?")
			.params(passwordHash, Timestamp.from(now), Timestamp.from(now), id)
			.update();
		return this.jdbc.sql("SELECT session_version FROM member WHERE id = ?").param(id).query(Integer.class).single();
	}

	Optional<String> passwordHash(long id) {
		return this.jdbc.sql("SELECT password_hash FROM member WHERE id = ? AND password_hash IS NOT NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	Optional<MemberProfile> findById(long id) {
		return query("SELECT " + COLUMNS + " FROM member WHERE id = ?", id).stream().findFirst();
	}

	Optional<MemberProfile> findByEmail(String email) {
		return query("SELECT " + COLUMNS + " FROM member WHERE email_key = ?", emailKey(email)).stream().findFirst();
	}

	Optional<MemberProfile> findByExternalId(String externalId) {
		return query("SELECT " + COLUMNS + " FROM member WHERE external_id = ?", externalId).stream().findFirst();
	}

	List<MemberProfile> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return withPermissions(this.jdbc.sql("SELECT " + COLUMNS + " FROM member WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(this::map)
			.list());
	}

	/**
	 * The rows of a page of members in id order, matching a name or email fragment, in
	 * the order {@link PageRequest#orderBy} reads them.
	 */
	List<MemberProfile> list(@Nullable String query, @Nullable Boolean active, PageRequest page) {
		return list(query, active, null, page);
	}

	List<MemberProfile> list(@Nullable String query, @Nullable Boolean active, @Nullable MemberState state,
			PageRequest page) {
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
		if (state != null) {
			sql.append(switch (state) {
				case INVITED -> " AND active = TRUE AND claimed_at IS NULL";
				case ACTIVE -> " AND active = TRUE AND claimed_at IS NOT NULL";
				case DEACTIVATED -> " AND active = FALSE";
			});
		}
		sql.append(page.orderBy("id", true)).append(" LIMIT ?");
		params.add(page.rows());
		return query(sql.toString(), params.toArray());
	}

	/** Members in id order from a position: the offset paging SCIM clients ask for. */
	List<MemberProfile> slice(long offset, int limit) {
		return query("SELECT " + COLUMNS + " FROM member ORDER BY id LIMIT ? OFFSET ?", limit, offset);
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM member").query(Long.class).single();
	}

	List<MemberProfile> reports(long managerId) {
		return query("SELECT " + COLUMNS + " FROM member WHERE manager_id = ? ORDER BY name, id", managerId);
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

	boolean isActive(long id) {
		return this.jdbc.sql("SELECT active FROM member WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	boolean anyAdministrator() {
		return this.jdbc.sql("SELECT COUNT(*) FROM admin_permission").query(Long.class).single() > 0;
	}

	/**
	 * What sign-in needs of the member with this email (case-insensitive), in one read:
	 * the password hash ({@code null} until the account is claimed), the active flag, the
	 * session version and the admin permissions.
	 */
	Optional<SignedInMember> findForSignIn(String email) {
		return signIn("m.email_key = ?", emailKey(email));
	}

	/** The same, by id: a member single sign-on has matched. */
	Optional<SignedInMember> findForSignIn(long id) {
		return signIn("m.id = ?", id);
	}

	/** The same, for the member a personal access token belongs to: one read. */
	Optional<SignedInMember> findForSignInByToken(String tokenHash) {
		return signIn("m.id = (SELECT t.member_id FROM member_token t WHERE t.token_hash = ?)", tokenHash);
	}

	/**
	 * The first sign-in through single sign-on claims the account, as a password would.
	 */
	void signedIn(long id, Instant now) {
		this.jdbc.sql("UPDATE member SET claimed_at = ? WHERE id = ? AND claimed_at IS NULL")
			.params(Timestamp.from(now), id)
			.update();
	}

	private Optional<SignedInMember> signIn(String condition, @Nullable Object key) {
		List<SignInRow> rows = this.jdbc
			.sql("SELECT m.id, m.email, m.external_id, m.name, m.password_hash, m.active, m.session_version, "
					+ "p.permission FROM member m LEFT JOIN admin_permission p ON p.member_id = m.id WHERE "
					+ condition)
			.param(key)
			.query((rs, row) -> new SignInRow(rs.getLong("id"),
					(rs.getString("email") != null) ? rs.getString("email") : rs.getString("external_id"),
					rs.getString("name"), rs.getString("password_hash"), rs.getBoolean("active"),
					rs.getInt("session_version"), rs.getString("permission")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		SignInRow first = rows.getFirst();
		return Optional
			.of(new SignedInMember(first.id(), first.email(), first.name(), first.passwordHash(), first.active(),
					first.sessionVersion(), permissions(rows.stream().map(SignInRow::permission).toList())));
	}

	/**
	 * The cheap check behind every signed-in request, in one indexed read: empty when the
	 * member is gone or deactivated, else their session version and admin permissions
	 * now.
	 */
	Optional<SessionState> sessionState(long id) {
		List<SessionRow> rows = this.jdbc
			.sql("SELECT m.session_version, p.permission FROM member m "
					+ "LEFT JOIN admin_permission p ON p.member_id = m.id WHERE m.id = ? AND m.active = TRUE")
			.param(id)
			.query((rs, row) -> new SessionRow(rs.getInt("session_version"), rs.getString("permission")))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new SessionState(rows.getFirst().version(),
				permissions(rows.stream().map(SessionRow::permission).toList())));
	}

	void replacePermissions(long memberId, Set<AdminPermission> permissions) {
		this.jdbc.sql("DELETE FROM admin_permission WHERE member_id = ?").param(memberId).update();
		for (AdminPermission permission : permissions) {
			this.jdbc.sql("INSERT INTO admin_permission (member_id, permission) VALUES (?, ?)")
				.params(memberId, permission.authority())
				.update();
		}
	}

	/** What an open session must match on each request. */
	record SessionState(int version, Set<AdminPermission> permissions) {
	}

	private record SignInRow(long id, String email, String name, @Nullable String passwordHash, boolean active,
			int sessionVersion, @Nullable String permission) {
	}

	private record SessionRow(int version, @Nullable String permission) {
	}

	private List<MemberProfile> query(String sql, Object... params) {
		return withPermissions(this.jdbc.sql(sql).params(params).query(this::map).list());
	}

	/** The members with their admin permissions, read for all of them at once. */
	private List<MemberProfile> withPermissions(List<MemberProfile> members) {
		if (members.isEmpty()) {
			return members;
		}
		Map<Long, Set<AdminPermission>> permissions = new HashMap<>();
		this.jdbc.sql("SELECT member_id, permission FROM admin_permission WHERE member_id IN (:ids)")
			.param("ids", members.stream().map(MemberProfile::id).toList())
			.query((rs) -> {
				long memberId = rs.getLong("member_id");
				AdminPermission.of(rs.getString("permission"))
					.ifPresent((permission) -> permissions
						.computeIfAbsent(memberId, (id) -> EnumSet.noneOf(AdminPermission.class))
						.add(permission));
			});
		return members.stream()
			.map((member) -> member.withPermissions(permissions.getOrDefault(member.id(), Set.of())))
			.toList();
	}

	private static Set<AdminPermission> permissions(List<@Nullable String> names) {
		Set<AdminPermission> permissions = EnumSet.noneOf(AdminPermission.class);
		for (String name : names) {
			if (name != null) {
				AdminPermission.of(name).ifPresent(permissions::add);
			}
		}
		return permissions;
	}

	/** A member without their permissions, which {@link #withPermissions} adds. */
	private MemberProfile map(ResultSet rs, int row) throws SQLException {
		long manager = rs.getLong("manager_id");
		Long managerId = rs.wasNull() ? null : manager;
		return new MemberProfile(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
				rs.getString("first_name"), rs.getString("last_name"), rs.getString("title"),
				rs.getString("department"), rs.getString("division"), rs.getString("organization"),
				rs.getString("primary_phone"), rs.getString("primary_address"), rs.getString("locale"), managerId,
				rs.getString("external_id"), rs.getString("employee_number"), rs.getBoolean("active"), Set.of(),
				instant(rs.getTimestamp("invited_at")), instant(rs.getTimestamp("claimed_at")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static @Nullable String emailKey(@Nullable String email) {
		return (email != null) ? email.toLowerCase(Locale.ROOT) : null;
	}

}
