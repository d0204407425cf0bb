package io.patchbay.platform;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretBoxTests {

	private final SecretBox box = new SecretBox(randomKey());

	@Test
	void encryptsSoThatOnlyTheSameKeyAndContextDecrypt() {
		String sealed = this.box.encrypt("s3cret", "integration/1/app_secret");

		assertThat(sealed).startsWith("v1:").doesNotContain("s3cret");
		assertThat(this.box.decrypt(sealed, "integration/1/app_secret")).isEqualTo("s3cret");
		assertThatIllegalStateException().isThrownBy(() -> this.box.decrypt(sealed, "integration/2/app_secret"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretBox(randomKey()).decrypt(sealed, "integration/1/app_secret"));
	}

	@Test
	void encryptingTwiceGivesDifferentCiphertexts() {
		assertThat(this.box.encrypt("same", "c")).isNotEqualTo(this.box.encrypt("same", "c"));
	}

	@Test
	void refusesKeysOfTheWrongSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SecretBox(new byte[16]));
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
