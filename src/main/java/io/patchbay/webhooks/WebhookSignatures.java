package io.patchbay.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers that let a receiver check a POST came from Patchbay: Workplace's
 * {@code X-Hub-Signature-256} and {@code X-Hub-Signature}, and the Standard Webhooks
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}, all keyed
 * with the UTF-8 bytes of the app secret.
 */
final class WebhookSignatures {

	private WebhookSignatures() {
	}

	static Map<String, String> headers(String appSecret, String webhookId, long timestamp, byte[] body) {
		byte[] key = appSecret.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", key, body)));
		headers.put("X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", key, body)));
		headers.put("webhook-id", webhookId);
		headers.put("webhook-timestamp", String.valueOf(timestamp));
		byte[] signed = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[signed.length + body.length];
		System.arraycopy(signed, 0, content, 0, signed.length);
		System.arraycopy(body, 0, content, signed.length, body.length);
		headers.put("webhook-signature", "v1," + Base64.getEncoder().encodeToString(hmac("HmacSHA256", key, content)));
		return headers;
	}

	private static byte[] hmac(String algorithm, byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(content);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
