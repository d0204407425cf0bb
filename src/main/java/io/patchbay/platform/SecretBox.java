package io.patchbay.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Encrypts secrets at rest (app secrets, connection credentials) with AES-256-GCM under
 * the install's master key. The context binds a ciphertext to its row, so a value copied
 * into another row does not decrypt.
 */
public class SecretBox {

	private static final String VERSION = "v1:";

	private final Aead aead;

	SecretBox(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("The master key must be 32 bytes (base64 of 32 random bytes)");
		}
		try {
			AeadConfig.register();
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.NO_PREFIX)
				.build();
			AesGcmKey key = AesGcmKey.builder()
				.setParameters(parameters)
				.setKeyBytes(SecretBytes.copyFrom(masterKey, InsecureSecretKeyAccess.get()))
				.build();
			KeysetHandle keyset = KeysetHandle.newBuilder()
				.addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
				.build();
			this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot initialise encryption", ex);
		}
	}

	public String encrypt(String plaintext, String context) {
		try {
			byte[] sealed = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String ciphertext, String context) {
		if (!ciphertext.startsWith(VERSION)) {
			throw new IllegalArgumentException("Unknown ciphertext version");
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
			return new String(this.aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted: was the master key changed?", ex);
		}
	}

}
