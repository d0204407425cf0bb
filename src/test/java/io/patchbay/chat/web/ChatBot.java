package io.patchbay.chat.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.patchbay.AdminApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A chat bot as its own server would be: created in the admin API with its token and app
 * secret, subscribed to the {@code page} messaging fields at a WireMock receiver, it
 * reads the signed webhooks it gets and answers through the Send API.
 */
final class ChatBot {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper json = JsonMapper.shared();

	final RestTestClient client;

	final WireMockServer receiver;

	final String id;

	final String pageId;

	final String name;

	final String token;

	final String appSecret;

	final String path;

	ChatBot(RestTestClient client, WireMockServer receiver, String name) {
		this.client = client;
		this.receiver = receiver;
		RestTestClient admin = AdminApi.asAdministrator(client);
		Map<String, Object> created = admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		this.id = (String) created.get("id");
		this.pageId = (String) created.get("pageId");
		this.name = (String) created.get("name");
		this.token = (String) admin.post()
			.uri("/api/admin/integrations/{id}/access-token", this.id)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		this.appSecret = (String) admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", this.id)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
		this.path = "/bots/" + this.id;
		receiver.stubFor(get(urlPathEqualTo(this.path))
			.willReturn(aResponse().withStatus(200).withBody("{{request.query.[hub.challenge]}}")));
		receiver.stubFor(post(urlPathEqualTo(this.path)).willReturn(aResponse().withStatus(200)));
		admin.put()
			.uri("/api/admin/integrations/{id}/webhooks/page", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", receiver.baseUrl() + this.path, "verifyToken", "bot-verify", "fields",
					List.of("messages", "messaging_postbacks", "message_deliveries", "message_reads")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	void permissions(String... permissions) {
		AdminApi.asAdministrator(this.client)
			.put()
			.uri("/api/admin/integrations/{id}/permissions", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of(permissions)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * Waits for the first messaging event the bot received that matches, after checking
	 * both signatures of the POST that carried it.
	 */
	JsonNode awaitEvent(Predicate<JsonNode> wanted) {
		return await().atMost(Duration.ofSeconds(15)).until(() -> find(wanted), Optional::isPresent).orElseThrow();
	}

	/** Every messaging event received so far. */
	List<JsonNode> events() {
		return this.receiver.findAll(postRequestedFor(urlPathEqualTo(this.path)))
			.stream()
			.flatMap((request) -> messaging(request).stream())
			.toList();
	}

	private Optional<JsonNode> find(Predicate<JsonNode> wanted) {
		for (LoggedRequest request : this.receiver.findAll(postRequestedFor(urlPathEqualTo(this.path)))) {
			for (JsonNode event : messaging(request)) {
				if (wanted.test(event)) {
					byte[] body = request.getBody();
					assertThat(request.getHeader("X-Hub-Signature-256"))
						.isEqualTo("sha256=" + hmac("HmacSHA256", body));
					assertThat(request.getHeader("X-Hub-Signature")).isEqualTo("sha1=" + hmac("HmacSHA1", body));
					return Optional.of(event);
				}
			}
		}
		return Optional.empty();
	}

	private static List<JsonNode> messaging(LoggedRequest request) {
		JsonNode body = json.readTree(request.getBodyAsString());
		assertThat(body.get("object").asString()).isEqualTo("page");
		return body.get("entry").valueStream().flatMap((entry) -> entry.get("messaging").valueStream()).toList();
	}

	/** The Send API with a JSON body and the token in the header. */
	RestTestClient.ResponseSpec send(Map<String, Object> body) {
		return this.client.post()
			.uri("/graph/v19.0/me/messages")
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	/**
	 * The Send API as Workplace bots call it: the token in the query, {@code recipient}
	 * and {@code message} as JSON text in form fields.
	 */
	RestTestClient.ResponseSpec sendForm(String recipient, String message) {
		return this.client.post()
			.uri("/graph/me/messages?access_token={token}", this.token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("recipient=" + encode(recipient) + "&message=" + encode(message))
			.exchange();
	}

	Map<String, Object> json(RestTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

	RestTestClient.ResponseSpec graph(String uri, Object... variables) {
		return this.client.get().uri(uri, variables).header("Authorization", "Bearer " + this.token).exchange();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String hmac(String algorithm, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(this.appSecret.getBytes(StandardCharsets.UTF_8), algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
