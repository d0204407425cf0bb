package io.patchbay.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.google.common.hash.Hashing;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Encrypts secrets at rest (app secrets, verify tokens, connection credentials, OAuth
 * tokens) with AES-256-GCM under the install's master key. The context binds a ciphertext
 * to its row, so a value copied into another row does not decrypt.
 * <p>
 * Several keys make a rotation possible: the master key encrypts, the previous ones
 * ({@code PATCHBAY_MASTER_KEY_PREVIOUS}) still decrypt. A {@code v2:} ciphertext starts
 * with Tink's 5-byte prefix naming its key (an id derived from the key itself, the same
 * on every node and restart), so the right key is found at once; {@code v1:} ciphertexts,
 * written before keys had ids, are tried with each key. {@link MasterKeyRotation}
 * re-encrypts what is not under the master key yet.
 */
public class SecretBox {

	private static final String LEGACY = "v1:";

	private static final String VERSION = "v2:";

	private final Aead keyset;

	private final List<Aead> legacy = new ArrayList<>();

	private final byte[] primaryPrefix;

	SecretBox(byte[] masterKey) {
		this(masterKey, List.of());
	}

	SecretBox(byte[] masterKey, List<byte[]> previousKeys) {
		try {
			AeadConfig.register();
			KeysetHandle.Builder builder = KeysetHandle.newBuilder();
			List<byte[]> keys = new ArrayList<>(List.of(masterKey));
			keys.addAll(previousKeys);
			for (int i = 0; i < keys.size(); i++) {
				byte[] key = keys.get(i);
				if (key.length != 32) {
					throw new IllegalArgumentException("A master key must be 32 bytes (base64 of 32 random bytes)");
				}
				if (i > 0 && Arrays.equals(key, masterKey)) {
					continue;
				}
				KeysetHandle.Builder.Entry entry = KeysetHandle.importKey(aesGcm(key, AesGcmParameters.Variant.TINK))
					.withFixedId(id(key));
				builder.addEntry((i == 0) ? entry.makePrimary() : entry);
				this.legacy.add(single(aesGcm(key, AesGcmParameters.Variant.NO_PREFIX)));
			}
			this.keyset = builder.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
			this.primaryPrefix = ByteBuffer.allocate(5).put((byte) 1).putInt(id(masterKey)).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot initialise encryption", ex);
		}
	}

	public String encrypt(String plaintext, String context) {
		try {
			byte[] sealed = this.keyset.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Encryption failed", ex);
		}
	}

	public String decrypt(String ciphertext, String context) {
		byte[] associated = context.getBytes(StandardCharsets.UTF_8);
		try {
			if (ciphertext.startsWith(VERSION)) {
				return new String(this.keyset.decrypt(decode(ciphertext, VERSION), associated), StandardCharsets.UTF_8);
			}
			if (ciphertext.startsWith(LEGACY)) {
				byte[] sealed = decode(ciphertext, LEGACY);
				for (Aead key : this.legacy) {
					try {
						return new String(key.decrypt(sealed, associated), StandardCharsets.UTF_8);
					}
					catch (GeneralSecurityException ex) {
						// Not this key: the next one.
					}
				}
				throw new GeneralSecurityException("No key decrypts it");
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted: was the master key changed "
					+ "without PATCHBAY_MASTER_KEY_PREVIOUS naming the old one?", ex);
		}
		throw new IllegalArgumentException("Unknown ciphertext version");
	}

	/** Whether the ciphertext is under the master key already. */
	public boolean current(String ciphertext) {
		if (!ciphertext.startsWith(VERSION)) {
			return false;
		}
		byte[] sealed = decode(ciphertext, VERSION);
		return sealed.length > 5 && Arrays.equals(Arrays.copyOf(sealed, 5), this.primaryPrefix);
	}

	/** The same secret, encrypted under the master key. */
	public String reseal(String ciphertext, String context) {
		return encrypt(decrypt(ciphertext, context), context);
	}

	private static byte[] decode(String ciphertext, String version) {
		return Base64.getDecoder().decode(ciphertext.substring(version.length()));
	}

	private static AesGcmKey aesGcm(byte[] key, AesGcmParameters.Variant variant) throws GeneralSecurityException {
		AesGcmParameters parameters = AesGcmParameters.builder()
			.setKeySizeBytes(32)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(variant)
			.build();
		AesGcmKey.Builder builder = AesGcmKey.builder()
			.setParameters(parameters)
			.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()));
		if (variant == AesGcmParameters.Variant.TINK) {
			builder.setIdRequirement(id(key));
		}
		return builder.build();
	}

	private static Aead single(AesGcmKey key) throws GeneralSecurityException {
		return KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
			.build()
			.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	/** A key's id: from a hash of the key, so that it names the key and nothing else. */
	private static int id(byte[] key) {
		return Hashing.sha256().hashBytes(key).asInt();
	}

}
