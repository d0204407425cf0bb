package io.patchbay.integrations;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * {@code appsecret_proof}: {@code hex(HMAC-SHA256(app secret, token))}, or with
 * {@code appsecret_time} {@code hex(HMAC-SHA256(app secret, token + "|" + time))} valid
 * for 5 minutes either side of the server's clock. Compared in constant time.
 */
public final class AppSecretProof {

	static final Duration WINDOW = Duration.ofMinutes(5);

	private AppSecretProof() {
	}

	static boolean valid(String proof, String token, String appSecret, @Nullable String time, Instant now) {
		String message = token;
		if (time != null) {
			long seconds;
			try {
				seconds = Long.parseLong(time.strip());
			}
			catch (NumberFormatException ex) {
				return false;
			}
			// Compared as numbers, never turned into an Instant: any long is a time that
			// is simply not now, however far it lies outside what an Instant can hold.
			long nowSeconds = now.getEpochSecond();
			if (seconds < nowSeconds - WINDOW.toSeconds() || seconds > nowSeconds + WINDOW.toSeconds()) {
				return false;
			}
			message = token + "|" + time.strip();
		}
		byte[] expected = compute(appSecret, message).getBytes(StandardCharsets.US_ASCII);
		byte[] given = proof.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

	/**
	 * The proof of {@code message} (a token, or {@code token|time}): what a caller sends.
	 */
	public static String compute(String appSecret, String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
