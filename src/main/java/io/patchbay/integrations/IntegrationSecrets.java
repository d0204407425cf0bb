package io.patchbay.integrations;

import java.util.List;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.SealedSecrets;
import io.patchbay.platform.SecretBox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An integration's two secrets. The app secret is kept encrypted because it must be
 * usable (HMAC key for proofs and webhook signatures); the access token is kept only as a
 * SHA-256 hash because Patchbay only ever needs to recognise it.
 */
@Service
@Transactional
public class IntegrationSecrets implements SealedSecrets {

	/** Lets secret scanners recognise a leaked Patchbay token. */
	static final String TOKEN_PREFIX = "pbt_";

	private final SecureRandom random = new SecureRandom();

	private final IntegrationRepository repository;

	private final SecretBox box;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IntegrationSecrets(IntegrationRepository repository, SecretBox box, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.box = box;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a new token, revoking the previous one at once; the token is shown only
	 * here.
	 */
	public String createAccessToken(Integration integration) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.repository.replaceAccessToken(integration.id(), hash(token), this.clock.instant());
		this.events.publishEvent(new IntegrationChanged(integration.id()));
		this.audit.record(
				integration.hasAccessToken() ? "integration.access_token_reset" : "integration.access_token_created",
				Integrations.AUDIT_TYPE, String.valueOf(integration.id()), integration.name(), null);
		return token;
	}

	public void revokeAccessToken(Integration integration) {
		this.repository.deleteAccessToken(integration.id());
		this.events.publishEvent(new IntegrationChanged(integration.id()));
		this.audit.record("integration.access_token_revoked", Integrations.AUDIT_TYPE, String.valueOf(integration.id()),
				integration.name(), null);
	}

	@Transactional(readOnly = true)
	Optional<Long> integrationOfHash(String tokenHash) {
		return this.repository.findByTokenHash(tokenHash);
	}

	/** Reveals the app secret to an administrator; every reveal is audited. */
	public String revealAppSecret(Integration integration) {
		this.audit.record("integration.app_secret_revealed", Integrations.AUDIT_TYPE, String.valueOf(integration.id()),
				integration.name(), null);
		return appSecret(integration.id());
	}

	/** Replaces the app secret; the old one stops working at once. */
	public String resetAppSecret(Integration integration) {
		String secret = newAppSecret();
		this.repository.updateAppSecret(integration.id(), encrypt(integration.id(), secret));
		this.events.publishEvent(new IntegrationChanged(integration.id()));
		this.audit.record("integration.app_secret_reset", Integrations.AUDIT_TYPE, String.valueOf(integration.id()),
				integration.name(), null);
		return secret;
	}

	/**
	 * The app secret for signing and proofs, without an audit entry: for Patchbay's own
	 * use.
	 */
	@Transactional(readOnly = true)
	public String appSecret(long integrationId) {
		return this.box.decrypt(this.repository.encryptedAppSecret(integrationId), context(integrationId));
	}

	String newEncryptedAppSecret(long integrationId) {
		return encrypt(integrationId, newAppSecret());
	}

	private String newAppSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private String encrypt(long integrationId, String secret) {
		return this.box.encrypt(secret, context(integrationId));
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("integration", "id", "app_secret", "integration/", "/app_secret"));
	}

	private static String context(long integrationId) {
		return "integration/" + integrationId + "/app_secret";
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
