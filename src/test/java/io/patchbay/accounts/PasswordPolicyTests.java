package io.patchbay.accounts;

import io.patchbay.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	@Test
	void acceptsALongUncommonPassword() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("plum-orbit-seventeen", "a@example.com"));
	}

	@Test
	void refusesMoreThanTheSeventyTwoBytesBcryptReads() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("plum-orbit-".repeat(6) + "sevent", null));
		for (String password : new String[] { "plum-orbit-".repeat(6) + "seventy", "plum-orbit-é".repeat(6) }) {
			assertThatThrownBy(() -> PasswordPolicy.check(password, null)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("72 bytes");
		}
	}

	@Test
	void refusesShortCommonRepetitiveAndOwnEmailPasswords() {
		for (String password : new String[] { "short-pw", "Password1234", "correct horse battery staple",
				"aaaaaaaaaaaaaaaa", "ababababababab", "someone@example.com" }) {
			assertThatThrownBy(() -> PasswordPolicy.check(password, "someone@example.com"))
				.isInstanceOf(InvalidInputException.class)
				.extracting((ex) -> ((InvalidInputException) ex).field())
				.isEqualTo("password");
		}
	}

}
