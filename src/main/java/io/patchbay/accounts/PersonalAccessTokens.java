package io.patchbay.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' personal access tokens ({@code chat-and-bots.md}): a member makes one for a
 * script and sends it as {@code Authorization: Bearer} on the member API instead of a
 * password, which costs a hash lookup instead of a password check. Shown once, kept as a
 * SHA-256 hash (256 random bits need no slow hash), revoked by the member, and gone with
 * the member's deactivation.
 */
@Service
@Transactional
public class PersonalAccessTokens {

	static final String PREFIX = "pbm_";

	static final int MAX_PER_MEMBER = 20;

	/** Last use is recorded at most this often per token: no write on every call. */
	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final Cache<String, Boolean> recentlyUsed = CacheBuilder.newBuilder()
		.expireAfterWrite(USE_RESOLUTION)
		.maximumSize(100_000)
		.build();

	private final SecureRandom random = new SecureRandom();

	private final PersonalAccessTokenRepository rows;

	private final MemberRepository members;

	private final AuditLog audit;

	private final Ids ids;

	private final Clock clock;

	PersonalAccessTokens(PersonalAccessTokenRepository rows, MemberRepository members, AuditLog audit, Ids ids,
			Clock clock) {
		this.rows = rows;
		this.members = members;
		this.audit = audit;
		this.ids = ids;
		this.clock = clock;
	}

	/** A new token; the answer is the only place it is ever shown. */
	public PersonalAccessToken create(Actor.Member member, String name) {
		String checked = (name == null) ? "" : name.strip();
		if (checked.isEmpty() || checked.length() > 100) {
			throw new InvalidInputException("name", "name is required (at most 100 characters)");
		}
		if (this.rows.count(member.id()) >= MAX_PER_MEMBER) {
			throw new ConflictException("name", "A member has at most " + MAX_PER_MEMBER + " tokens: revoke one first");
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.rows.insert(id, member.id(), checked, hash(token), now);
		this.audit.record("member.token_created", Members.AUDIT_TYPE, String.valueOf(member.id()), member.name(),
				"token=" + id + " name=" + checked);
		return new PersonalAccessToken(id, checked, now, null, token);
	}

	@Transactional(readOnly = true)
	public List<PersonalAccessToken> list(Actor.Member member) {
		return this.rows.of(member.id());
	}

	public void revoke(Actor.Member member, long id) {
		if (!this.rows.delete(member.id(), id)) {
			throw new NotFoundException("Token", String.valueOf(id));
		}
		this.audit.record("member.token_revoked", Members.AUDIT_TYPE, String.valueOf(member.id()), member.name(),
				"token=" + id);
	}

	/**
	 * The active member a token names, as the member API's caller: one read. When the
	 * token was last used is written at most once a minute per node.
	 */
	Optional<SignedInMember> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(token);
		Optional<SignedInMember> member = this.members.findForSignInByToken(hash).filter(SignedInMember::isEnabled);
		if (member.isPresent() && this.recentlyUsed.getIfPresent(hash) == null) {
			this.recentlyUsed.put(hash, Boolean.TRUE);
			this.rows.used(hash, this.clock.instant());
		}
		return member;
	}

	@EventListener
	void on(MemberDeactivated deactivated) {
		this.rows.deleteAll(deactivated.memberId());
	}

	private static String hash(String token) {
		return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
	}

}
