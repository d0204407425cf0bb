package io.patchbay.accounts;

import java.util.Collection;
import java.util.Set;

import io.patchbay.platform.AuditedPrincipal;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The member behind a console or member-app session (or an HTTP Basic call), with their
 * admin permissions as authorities and the session version they signed in under (a
 * session whose version is behind the member's has ended: see
 * {@link ActiveMemberFilter}).
 */
public final class SignedInMember implements UserDetails, CredentialsContainer, AuditedPrincipal {

	private final long id;

	private final String email;

	private final String name;

	private @Nullable String passwordHash;

	private final boolean active;

	private final int sessionVersion;

	private final Set<AdminPermission> permissions;

	SignedInMember(long id, String email, String name, @Nullable String passwordHash, boolean active,
			int sessionVersion, Set<AdminPermission> permissions) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.passwordHash = passwordHash;
		this.active = active;
		this.sessionVersion = sessionVersion;
		this.permissions = Set.copyOf(permissions);
	}

	public long id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String name() {
		return this.name;
	}

	@Override
	public long auditId() {
		return this.id;
	}

	@Override
	public String auditName() {
		return this.email;
	}

	public boolean isAdministrator() {
		return !this.permissions.isEmpty();
	}

	Set<AdminPermission> permissions() {
		return this.permissions;
	}

	int sessionVersion() {
		return this.sessionVersion;
	}

	/** The member as the authenticated caller of a request or a session. */
	public UsernamePasswordAuthenticationToken asAuthentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null, getAuthorities());
	}

	/** The same member with the permissions they hold now. */
	SignedInMember withPermissions(Set<AdminPermission> current) {
		return new SignedInMember(this.id, this.email, this.name, null, this.active, this.sessionVersion, current);
	}

	/**
	 * The same member in the session that changed their password, which goes on under the
	 * new session version.
	 */
	public SignedInMember withSessionVersion(int version) {
		return new SignedInMember(this.id, this.email, this.name, null, this.active, version, this.permissions);
	}

	/** The same member with a password hash to compare with at sign-in. */
	SignedInMember withPasswordHash(String hash) {
		return new SignedInMember(this.id, this.email, this.name, hash, this.active, this.sessionVersion,
				this.permissions);
	}

	public boolean holds(AdminPermission permission) {
		return this.permissions.contains(permission);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.permissions.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.authority()))
			.toList();
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
