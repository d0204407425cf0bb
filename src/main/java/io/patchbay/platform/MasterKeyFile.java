package io.patchbay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The dev-mode master key, generated once into the data dir so that restarts can still
 * decrypt.
 */
final class MasterKeyFile {

	static final String NAME = "master.key";

	private MasterKeyFile() {
	}

	/** The key in the data dir, created there first if there is none. */
	static byte[] readOrCreate(Path dataDir) throws IOException {
		Path file = dataDir.resolve(NAME);
		if (Files.exists(file)) {
			return decode(Files.readString(file).strip());
		}
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(dataDir);
		Files.writeString(file, Base64.getEncoder().encodeToString(key));
		restrictToOwner(file);
		return key;
	}

	static byte[] decode(String base64) {
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
