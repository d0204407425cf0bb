package io.patchbay.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Remembers a successful HTTP Basic check for a minute, so that a script calling the API
 * with a password pays the password hash once, not on every call. Entries are keyed by an
 * HMAC of the email and password under a key made at start-up (never the password
 * itself), and every hit is checked against the member's session version and active flag
 * in one indexed read: a password change or a deactivation ends the memo at once, on
 * every node. It stands before the throttle, whose cap on parallel password checks is for
 * guesses, not for a script's parallel calls; an account or address locked out after too
 * many failures is refused even with a remembered password. Used for the APIs only; the
 * sign-in form always checks the password.
 */
class BasicCredentialsMemo implements AuthenticationProvider {

	static final Duration REMEMBERED = Duration.ofMinutes(1);

	private final AuthenticationProvider passwords;

	private final MemberRepository members;

	private final SingleSignOn sso;

	private final LoginThrottle throttle;

	private final HashFunction keys;

	private final Cache<String, SignedInMember> remembered = CacheBuilder.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(10_000)
		.build();

	BasicCredentialsMemo(AuthenticationProvider passwords, MemberRepository members, SingleSignOn sso,
			LoginThrottle throttle) {
		this.passwords = passwords;
		this.members = members;
		this.sso = sso;
		this.throttle = throttle;
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.keys = Hashing.hmacSha256(key);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (!(authentication.getCredentials() instanceof String password)) {
			return this.passwords.authenticate(authentication);
		}
		String email = authentication.getName().toLowerCase(Locale.ROOT);
		String key = this.keys.hashString(email + '\u0000' + password, StandardCharsets.UTF_8).toString();
		SignedInMember known = this.remembered.getIfPresent(key);
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (known != null && !this.throttle.lockedOut(email, address)) {
			Optional<MemberRepository.SessionState> state = this.members.sessionState(known.id());
			if (state.isPresent() && state.get().version() == known.sessionVersion()
					&& this.sso.allowsPassword(email)) {
				SignedInMember current = known.withPermissions(state.get().permissions());
				UsernamePasswordAuthenticationToken result = current.asAuthentication();
				result.setDetails(authentication.getDetails());
				return result;
			}
			this.remembered.invalidate(key);
		}
		Authentication result = this.passwords.authenticate(authentication);
		if (result.getPrincipal() instanceof SignedInMember member) {
			member.eraseCredentials();
			this.remembered.put(key, member);
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
