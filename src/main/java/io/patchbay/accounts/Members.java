package io.patchbay.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's members and their admin permissions.
 */
@Service
public class Members {

	private final JdbcClient jdbc;

	private final Ids ids;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	Members(JdbcClient jdbc, Ids ids, Clock clock, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
	}

	/** Finds a member by email (case-insensitive) with what sign-in needs. */
	public Optional<SignedInMember> findForSignIn(String email) {
		return this.jdbc.sql("SELECT id, email, name, password_hash, active FROM member WHERE email_key = ?")
			.param(email.toLowerCase(Locale.ROOT))
			.query((rs, row) -> new SignedInMember(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					rs.getString("password_hash"), rs.getBoolean("active"), permissionsOf(rs.getLong("id"))))
			.optional();
	}

	public boolean anyAdministrator() {
		return this.jdbc.sql("SELECT COUNT(*) FROM admin_permission").query(Long.class).single() > 0;
	}

	@Transactional
	public long createAdministrator(String email, String name, String password, Set<AdminPermission> permissions) {
		long id = this.ids.next();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("INSERT INTO member (id, email, email_key, name, password_hash, active, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)")
			.params(id, email, email.toLowerCase(Locale.ROOT), name, this.passwordEncoder.encode(password), now, now)
			.update();
		for (AdminPermission permission : permissions) {
			this.jdbc.sql("INSERT INTO admin_permission (member_id, permission) VALUES (?, ?)")
				.params(id, permission.authority())
				.update();
		}
		return id;
	}

	private Set<AdminPermission> permissionsOf(long memberId) {
		Set<AdminPermission> permissions = EnumSet.noneOf(AdminPermission.class);
		this.jdbc.sql("SELECT permission FROM admin_permission WHERE member_id = ?")
			.param(memberId)
			.query(String.class)
			.list()
			.forEach((name) -> AdminPermission.of(name).ifPresent(permissions::add));
		return permissions;
	}

}
