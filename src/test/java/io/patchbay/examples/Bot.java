package io.patchbay.examples;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.patchbay.AdminApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A bot created in the admin API, as an administrator does it in the console. */
record Bot(RestTestClient client, String id, String pageId, String token, String appSecret) {

	private static final JsonMapper json = JsonMapper.shared();

	static final String VERIFY_TOKEN = "example-verify-token";

	static Bot create(RestTestClient client, String name) {
		RestTestClient admin = AdminApi.asAdministrator(client);
		JsonNode created = body(admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectStatus()
			.isCreated());
		String id = created.get("id").asString();
		String token = body(admin.post().uri("/api/admin/integrations/{id}/access-token", id).exchange())
			.get("accessToken")
			.asString();
		String secret = body(admin.get().uri("/api/admin/integrations/{id}/app-secret", id).exchange()).get("appSecret")
			.asString();
		return new Bot(client, id, created.get("pageId").asString(), token, secret);
	}

	Map<String, String> environment(int port) {
		return Map.of("PATCHBAY_URL", "http://localhost:" + port, "BOT_TOKEN", this.token, "APP_SECRET", this.appSecret,
				"VERIFY_TOKEN", VERIFY_TOKEN);
	}

	RestTestClient.ResponseSpec subscribe(String callbackUrl, String verifyToken) {
		return AdminApi.asAdministrator(this.client)
			.put()
			.uri("/api/admin/integrations/{id}/webhooks/page", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", callbackUrl, "verifyToken", verifyToken, "fields",
					List.of("messages", "messaging_postbacks")))
			.exchange();
	}

	/** A Graph read as the bot, with the app secret proof its security asks for. */
	JsonNode graph(String path) {
		long time = Instant.now().getEpochSecond();
		String proof = hmac("HmacSHA256", (this.token + "|" + time).getBytes(StandardCharsets.UTF_8), null);
		return body(this.client.get()
			.uri(path + "?appsecret_proof={proof}&appsecret_time={time}", proof, time)
			.header("Authorization", "Bearer " + this.token)
			.exchange());
	}

	String hmac(String algorithm, byte[] body, String key) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(((key != null) ? key : this.appSecret).getBytes(StandardCharsets.UTF_8),
					algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A JSON answer, whatever its status. */
	static JsonNode body(RestTestClient.ResponseSpec response) {
		byte[] body = response.expectBody().returnResult().getResponseBody();
		return json.readTree((body != null) ? body : new byte[0]);
	}

}
