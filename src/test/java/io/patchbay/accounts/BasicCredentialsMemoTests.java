package io.patchbay.accounts;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP Basic memo: a right password is checked once, then remembered while the
 * member's session version and active flag stay as they were; anything else goes to the
 * password check again.
 */
class BasicCredentialsMemoTests {

	private final AtomicInteger checks = new AtomicInteger();

	private int version = 3;

	private boolean active = true;

	private final AuthenticationProvider passwords = new AuthenticationProvider() {
		@Override
		public Authentication authenticate(Authentication authentication) {
			BasicCredentialsMemoTests.this.checks.incrementAndGet();
			if (!"right-password-123".equals(authentication.getCredentials())) {
				throw new BadCredentialsException("Bad credentials");
			}
			SignedInMember member = new SignedInMember(1, "ann@example.com", "Ann", "{bcrypt}hash", true,
					BasicCredentialsMemoTests.this.version, Set.of());
			return UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}
	};

	private final MemberRepository members = new MemberRepository(null) {
		@Override
		Optional<SessionState> sessionState(long id) {
			return BasicCredentialsMemoTests.this.active ? Optional
				.of(new SessionState(BasicCredentialsMemoTests.this.version, Set.of(AdminPermission.VIEW_AUDIT_LOG)))
					: Optional.empty();
		}
	};

	private final SingleSignOn sso = new SingleSignOn(null, null, null, null, null) {
		@Override
		public boolean allowsPassword(String email) {
			return true;
		}
	};

	private final LoginThrottle throttle = new LoginThrottle(new SignInProperties(10, Duration.ofMinutes(15), 3));

	private final BasicCredentialsMemo memo = new BasicCredentialsMemo(this.passwords, this.members, this.sso,
			this.throttle);

	@Test
	void checksARightPasswordOnceAndAppliesTheCurrentPermissions() {
		SignedInMember first = principal(sign("Ann@Example.com", "right-password-123"));
		SignedInMember second = principal(sign("ann@example.com", "right-password-123"));
		assertThat(this.checks).hasValue(1);
		assertThat(first.id()).isEqualTo(second.id());
		assertThat(second.permissions()).containsExactly(AdminPermission.VIEW_AUDIT_LOG);
		assertThat(second.getPassword()).as("no hash kept").isNull();
	}

	@Test
	void aWrongPasswordIsNeverRemembered() {
		sign("ann@example.com", "right-password-123");
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> sign("ann@example.com", "wrong-password-123"));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> sign("ann@example.com", "wrong-password-123"));
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void aNewSessionVersionOrADeactivationEndsTheMemoAtOnce() {
		sign("ann@example.com", "right-password-123");
		this.version = 4;
		sign("ann@example.com", "right-password-123");
		assertThat(this.checks).as("checked again after a password change").hasValue(2);
		this.active = false;
		sign("ann@example.com", "right-password-123");
		assertThat(this.checks).as("checked again after a deactivation").hasValue(3);
	}

	private Authentication sign(String email, String password) {
		return this.memo.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
	}

	private static SignedInMember principal(@Nullable Authentication authentication) {
		assertThat(authentication).isNotNull();
		return (SignedInMember) authentication.getPrincipal();
	}

}
