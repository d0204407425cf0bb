package io.patchbay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code PATCHBAY_*} settings of an install.
 *
 * @param mode {@code dev} (default) or {@code production}
 * @param dataDir where the embedded database and generated keys live
 * @param baseUrl the public URL members and integrations reach Patchbay at
 * @param masterKey base64 of 32 random bytes that encrypt secrets at rest; generated into
 * the data dir in dev mode when absent
 * @param allowEmbeddedDb lets production mode run on the embedded H2 database
 * @param adminEmail the bootstrap administrator's email
 * @param adminPassword the bootstrap administrator's password; generated when absent
 * @param trustedProxies CIDR blocks of reverse proxies whose {@code X-Forwarded-For} is
 * believed; empty by default, so the header is ignored
 * @param masterKeyPrevious earlier master keys (base64, comma-separated) that still
 * decrypt while a rotation re-encrypts every secret under {@code masterKey}
 */
@ConfigurationProperties("patchbay")
public record PatchbayProperties(@DefaultValue("dev") Mode mode, @DefaultValue("./data") Path dataDir, URI baseUrl,
		@Nullable String masterKey, @DefaultValue("false") boolean allowEmbeddedDb,
		@DefaultValue("admin@patchbay.local") String adminEmail, @Nullable String adminPassword,
		@DefaultValue List<String> trustedProxies, @DefaultValue List<String> masterKeyPrevious) {

	public boolean production() {
		return this.mode == Mode.PRODUCTION;
	}

	/** The public URL of a path ({@code /oauth/callback}), one slash between them. */
	public String url(String path) {
		return this.baseUrl.toString().replaceAll("/+$", "") + path;
	}

}
