package io.patchbay.platform;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SecretBox} under the master key: {@code PATCHBAY_MASTER_KEY}, or in
 * dev mode a key generated once into the data dir ({@link MasterKeyFile}).
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

	@Bean
	SecretBox secretBox(PatchbayProperties properties) throws IOException {
		return new SecretBox(masterKey(properties),
				properties.masterKeyPrevious()
					.stream()
					.map(String::strip)
					.filter((key) -> !key.isEmpty())
					.map(MasterKeyFile::decode)
					.toList());
	}

	private static byte[] masterKey(PatchbayProperties properties) throws IOException {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			return MasterKeyFile.decode(properties.masterKey().strip());
		}
		if (properties.production()) {
			throw new StartupRefusedException(
					"PATCHBAY_MASTER_KEY is required in production mode (base64 of 32 random bytes: openssl rand -base64 32)");
		}
		Path file = properties.dataDir().resolve(MasterKeyFile.NAME);
		log.info("Dev mode: the master key is in {}; keep it with the database", file.toAbsolutePath());
		return MasterKeyFile.readOrCreate(properties.dataDir());
	}

}
