package io.patchbay.accounts;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts that sign-in looks up. An account not claimed yet has no password: it gets
 * the hash of a random secret that nobody knows, so that checking it costs the same
 * bcrypt comparison as any other account and tells nothing apart.
 */
class SignInAccounts implements UserDetailsService {

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private volatile @Nullable String unclaimedHash;

	SignInAccounts(MemberRepository members, PasswordEncoder passwordEncoder) {
		this.members = members;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		SignedInMember member = this.members.findForSignIn(email)
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
		return (member.getPassword() != null) ? member : member.withPasswordHash(unclaimedHash());
	}

	private String unclaimedHash() {
		String hash = this.unclaimedHash;
		if (hash == null) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			hash = this.passwordEncoder.encode(HexFormat.of().formatHex(secret));
			this.unclaimedHash = hash;
		}
		return hash;
	}

}
