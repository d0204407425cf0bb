package io.patchbay.platform;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTests {

	private final byte[] oldKey = key();

	private final byte[] newKey = key();

	@Test
	void previousKeysStillDecryptAndResealingMovesToTheMasterKey() {
		SecretBox before = new SecretBox(this.oldKey);
		String sealed = before.encrypt("s3cret", "row/1");
		SecretBox during = new SecretBox(this.newKey, List.of(this.oldKey));

		assertThat(during.current(sealed)).isFalse();
		assertThat(during.decrypt(sealed, "row/1")).isEqualTo("s3cret");
		String resealed = during.reseal(sealed, "row/1");
		assertThat(during.current(resealed)).isTrue();
		assertThat(new SecretBox(this.newKey).decrypt(resealed, "row/1")).isEqualTo("s3cret");
		assertThatThrownBy(() -> before.decrypt(resealed, "row/1")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCiphertextIsBoundToItsContext() {
		SecretBox box = new SecretBox(this.newKey);
		String sealed = box.encrypt("s3cret", "row/1");
		assertThatThrownBy(() -> box.decrypt(sealed, "row/2")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void ciphertextsWrittenBeforeKeysHadIdsStillDecrypt() throws Exception {
		// "v1:" values were AES-GCM with no key prefix: what every install stored first.
		com.google.crypto.tink.aead.AesGcmKey key = com.google.crypto.tink.aead.AesGcmKey.builder()
			.setParameters(com.google.crypto.tink.aead.AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(com.google.crypto.tink.aead.AesGcmParameters.Variant.NO_PREFIX)
				.build())
			.setKeyBytes(com.google.crypto.tink.util.SecretBytes.copyFrom(this.oldKey,
					com.google.crypto.tink.InsecureSecretKeyAccess.get()))
			.build();
		com.google.crypto.tink.Aead legacy = com.google.crypto.tink.KeysetHandle.newBuilder()
			.addEntry(com.google.crypto.tink.KeysetHandle.importKey(key).withRandomId().makePrimary())
			.build()
			.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
		String v1 = "v1:"
				+ java.util.Base64.getEncoder().encodeToString(legacy.encrypt("old".getBytes(), "row/9".getBytes()));

		assertThat(new SecretBox(this.newKey, List.of(this.oldKey)).decrypt(v1, "row/9")).isEqualTo("old");
		assertThat(new SecretBox(this.oldKey).current(v1)).isFalse();
	}

	private static byte[] key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
