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

/**
 * Remembers a successful HTTP Basic check for a minute, so that a script calling the API
 * with a password pays the password hash once, not on every call. Entries are keyed by an
 * HMAC of the email and password under a key made at start-up (never the password
 * itself), and every hit is checked against the member's session version and active flag
 * in one indexed read: a password change or a deactivation ends the memo at once, on
 * every node. Used for the APIs only; the sign-in form always checks the password.
 */
class BasicCredentialsMemo implements AuthenticationProvider {

	static final Duration REMEMBERED = Duration.ofMinutes(1);

	private final AuthenticationProvider passwords;

	private final MemberRepository members;

	private final SingleSignOn sso;

	private final HashFunction keys;

	private final Cache<String, SignedInMember> remembered = CacheBuilder.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(10_000)
		.build();

	BasicCredentialsMemo(AuthenticationProvider passwords, MemberRepository members, SingleSignOn sso) {
		this.passwords = passwords;
		this.members = members;
		this.sso = sso;
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
		if (known != null) {
			Optional<MemberRepository.SessionState> state = this.members.sessionState(known.id());
			if (state.isPresent() && state.get().version() == known.sessionVersion()
					&& this.sso.allowsPassword(email)) {
				SignedInMember current = known.withPermissions(state.get().permissions());
				UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(current,
						null, current.getAuthorities());
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
