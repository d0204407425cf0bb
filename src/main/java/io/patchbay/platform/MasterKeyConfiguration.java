package io.patchbay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the {@link SecretBox} under the master key: {@code PATCHBAY_MASTER_KEY}, or in
 * dev mode a key generated once into the data dir so that restarts can still decrypt.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

	@Bean
	SecretBox secretBox(PatchbayProperties properties) throws IOException {
		return new SecretBox(masterKey(properties));
	}

	private static byte[] masterKey(PatchbayProperties properties) throws IOException {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			return decode(properties.masterKey().strip());
		}
		if (properties.production()) {
			throw new StartupRefusedException(
					"PATCHBAY_MASTER_KEY is required in production mode (base64 of 32 random bytes: openssl rand -base64 32)");
		}
		Path file = properties.dataDir().resolve("master.key");
		if (Files.exists(file)) {
			return decode(Files.readString(file).strip());
		}
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(properties.dataDir());
		Files.writeString(file, Base64.getEncoder().encodeToString(key));
		restrictToOwner(file);
		log.info("Generated a master key into {} (dev mode); keep it with the database", file.toAbsolutePath());
		return key;
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new StartupRefusedException("The master key is not valid base64 (expected 32 random bytes)");
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the data dir's own permissions protect it.
		}
	}

}
