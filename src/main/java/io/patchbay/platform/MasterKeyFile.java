package io.patchbay.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The dev-mode master key, generated once into the data dir so that restarts can still
 * decrypt. The key is written to a temporary file created readable by its owner only,
 * then linked to its name in one step that fails if the name exists: the key file never
 * exists with other permissions or half written, and of two nodes starting on one data
 * dir the second reads the first one's key instead of replacing it.
 */
final class MasterKeyFile {

	static final String NAME = "master.key";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private MasterKeyFile() {
	}

	/** The key in the data dir, created there first if there is none. */
	static byte[] readOrCreate(Path dataDir) throws IOException {
		Path file = dataDir.resolve(NAME);
		if (Files.exists(file)) {
			return read(file);
		}
		Files.createDirectories(dataDir);
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Path temporary = Files.createTempFile(dataDir, NAME + ".", ".tmp", ownerOnly(dataDir));
		try {
			Files.write(temporary, Base64.getEncoder().encode(key));
			publish(temporary, file);
			return key;
		}
		catch (FileAlreadyExistsException ex) {
			// Another node created it first: its key is the install's.
			return read(file);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Gives the written key its name, unless the name exists already. */
	private static void publish(Path temporary, Path file) throws IOException {
		try {
			Files.createLink(file, temporary);
		}
		catch (UnsupportedOperationException ex) {
			// No hard links on this file system: a plain move, which refuses to replace
			// an existing file too, though it checks first and moves after.
			Files.move(temporary, file);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path dataDir) {
		if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) };
		}
		// Not a POSIX file system: the data dir's own permissions protect it.
		return new FileAttribute<?>[0];
	}

	private static byte[] read(Path file) throws IOException {
		return decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
	}

	static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new StartupRefusedException("The master key is not valid base64 (expected 32 random bytes)");
		}
	}

}
