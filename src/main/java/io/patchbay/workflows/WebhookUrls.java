package io.patchbay.workflows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.google.common.hash.Hashing;
import io.patchbay.platform.PatchbayProperties;
import io.patchbay.platform.SealedSecrets;
import io.patchbay.platform.SecretBox;

import org.springframework.stereotype.Component;

/**
 * The secret webhook URLs of workflows: {@code {base}/hooks/workflows/{secret}} with 192
 * random bits, URL-safe. A trigger finds its workflow by the secret's SHA-256, so the
 * lookup never compares secrets; the secret itself is kept sealed with the master key,
 * for the builder's "reveal".
 */
@Component
class WebhookUrls implements SealedSecrets {

	static final String PATH = "/hooks/workflows/";

	static final String MASK = "*****";

	private final SecureRandom random = new SecureRandom();

	private final SecretBox box;

	private final URI base;

	WebhookUrls(SecretBox box, PatchbayProperties properties) {
		this.box = box;
		this.base = properties.baseUrl();
	}

	/** A new secret, its hash and its sealed form for workflow {@code id}. */
	Secret create(long id) {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return new Secret(secret, hash(secret), this.box.encrypt(secret, context(id)));
	}

	String url(String secret) {
		return this.base.toString().replaceAll("/+$", "") + PATH + secret;
	}

	String masked() {
		return url(MASK);
	}

	String unseal(long id, String sealed) {
		return this.box.decrypt(sealed, context(id));
	}

	static String hash(String secret) {
		return Hashing.sha256().hashString(secret, StandardCharsets.UTF_8).toString();
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("workflow", "id", "secret", "workflow-url:"));
	}

	private static String context(long id) {
		return "workflow-url:" + id;
	}

	record Secret(String value, String hash, String sealed) {

		@Override
		public String toString() {
			return "Secret[hash=" + this.hash + "]";
		}

	}

}
