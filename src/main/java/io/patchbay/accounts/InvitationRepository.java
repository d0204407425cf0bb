package io.patchbay.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.patchbay.platform.PatchbayProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitation links, the {@code invitation} table: a random token shown once in the link,
 * stored only as its SHA-256, valid 14 days and for one claim. A new invitation replaces
 * the member's earlier ones.
 */
@Repository
class InvitationRepository {

	static final Duration VALIDITY = Duration.ofDays(14);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PatchbayProperties properties;

	InvitationRepository(JdbcClient jdbc, PatchbayProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Answers the invitation URL; the only place the token ever appears. */
	String issue(long memberId, Instant now) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("DELETE FROM invitation WHERE member_id = ?").param(memberId).update();
		this.jdbc.sql("INSERT INTO invitation (token_hash, member_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(hash(token), memberId, Timestamp.from(now), Timestamp.from(now.plus(VALIDITY)))
			.update();
		return this.properties.url("/invitations/" + token);
	}

	/** The member a live token invites, without using it up. */
	Optional<Long> memberFor(String token, Instant now) {
		return this.jdbc.sql("SELECT member_id FROM invitation WHERE token_hash = ? AND expires_at > ?")
			.params(hash(token), Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Uses the token up: only one of two concurrent claims deletes the row, so only one
	 * succeeds.
	 */
	boolean consume(String token, long memberId) {
		return this.jdbc.sql("DELETE FROM invitation WHERE token_hash = ? AND member_id = ?")
			.params(hash(token), memberId)
			.update() == 1;
	}

	void revokeAll(long memberId) {
		this.jdbc.sql("DELETE FROM invitation WHERE member_id = ?").param(memberId).update();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
