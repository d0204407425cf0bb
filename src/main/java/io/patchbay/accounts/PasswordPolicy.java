package io.patchbay.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules a member's password must meet (accounts.md): at least 12 characters, not one
 * of the commonly used passwords, not the member's own email; and at most 72 bytes in
 * UTF-8, all that bcrypt reads (a longer one would be cut without notice).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	static void check(@Nullable String password, @Nullable String email) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new InvalidInputException("password", "The password must have at least 12 characters");
		}
		if (tooLong(password)) {
			throw new InvalidInputException("password",
					"The password must be at most 72 bytes long (72 letters without accents, fewer with them)");
		}
		String normalized = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(normalized) || COMMON.contains(normalized.replaceAll("[\\s-]", ""))
				|| normalized.chars().distinct().count() < 4) {
			throw new InvalidInputException("password", "This password is too common: choose another one");
		}
		if (email != null && normalized.equals(email.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("password", "The password must not be your email address");
		}
	}

	/** Longer than any password Patchbay accepts, so it matches none. */
	static boolean tooLong(String password) {
		return password.length() > MAX_BYTES || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

	private static Set<String> load() {
		try (var reader = new BufferedReader(new InputStreamReader(
				Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream("common-passwords.txt")),
				StandardCharsets.UTF_8))) {
			return reader.lines().map(String::strip).filter((line) -> !line.isEmpty()).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
