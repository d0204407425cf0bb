package io.patchbay.examples.helpdesk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patchbay's Graph API as the bot calls it: the Send API ({@code POST /me/messages}) and
 * the bot's profile ({@code POST /me/messenger_profile}), with the bot's access token.
 * Every call carries {@code appsecret_proof} and {@code appsecret_time}, so the bot keeps
 * working when an administrator turns on "Require app secret proof".
 */
final class SendApi {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json;

	private final URI graph;

	private final String token;

	private final byte[] appSecret;

	SendApi(JsonMapper json, String patchbayUrl, String token, String appSecret) {
		this.json = json;
		this.graph = URI.create(patchbayUrl.replaceAll("/+$", "") + "/graph/");
		this.token = token;
		this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Sends a message to whoever wrote the event: in a group chat (the event names its
	 * thread) into that thread, otherwise to the member in the one-to-one chat.
	 */
	JsonNode reply(JsonNode event, Map<String, Object> message) {
		JsonNode thread = event.path("thread").path("id");
		Map<String, Object> recipient = thread.isString() ? Map.of("thread_key", thread.asString())
				: Map.of("id", event.path("sender").path("id").asString());
		return post("me/messages", Map.of("recipient", recipient, "message", message));
	}

	/** Sets the greeting, "Get started" payload or persistent menu. */
	JsonNode profile(Map<String, Object> profile) {
		return post("me/messenger_profile", profile);
	}

	private JsonNode post(String path, Map<String, Object> body) {
		long time = Instant.now().getEpochSecond();
		String proof = "?appsecret_proof=" + proof(this.token + "|" + time) + "&appsecret_time=" + time;
		HttpRequest request = HttpRequest.newBuilder(this.graph.resolve(path + proof))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Patchbay is unreachable at " + this.graph + " (" + ex + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		JsonNode answer = this.json.readTree(response.body());
		if (response.statusCode() != 200) {
			// The Graph error envelope: {"error":{"message","type","code",...}}
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
					+ answer.path("error").path("message").asString(""));
		}
		return answer;
	}

	/** {@code hex(HMAC-SHA256(app secret, token + "|" + appsecret_time))}. */
	private String proof(String message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.appSecret, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
