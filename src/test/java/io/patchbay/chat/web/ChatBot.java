package io.patchbay.chat.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import javax.imageio.ImageIO;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.patchbay.AdminApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
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
		warmUp(receiver.baseUrl() + this.path + "?hub.challenge=warm-up");
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

	/** Sets fields of the bot's Messenger profile ({@code /me/messenger_profile}). */
	void profile(Map<String, Object> fields) {
		this.client.post()
			.uri("/graph/v19.0/me/messenger_profile")
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(fields)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Gives the bot a logo (a small PNG), served at its {@code logoUrl}. */
	void logo() {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(png()) {
			@Override
			public String getFilename() {
				return "logo.png";
			}
		});
		AdminApi.asAdministrator(this.client)
			.put()
			.uri("/api/admin/integrations/{id}/logo", this.id)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** The console's visibility switch. */
	void visible(boolean visible) {
		AdminApi.asAdministrator(this.client)
			.patch()
			.uri("/api/admin/integrations/{id}", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("visible", visible))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Answers a member with a button template; the message's id. */
	String sendButtons(String memberId, String text, List<Map<String, Object>> buttons) {
		return (String) json(send(Map.of("recipient", Map.of("id", memberId), "message",
				Map.of("attachment",
						Map.of("type", "template", "payload",
								Map.of("template_type", "button", "text", text, "buttons", buttons))))))
			.get("message_id");
	}

	/** Answers a member with a text; the message's id. */
	String sendText(String memberId, String text) {
		return (String) json(send(Map.of("recipient", Map.of("id", memberId), "message", Map.of("text", text))))
			.get("message_id");
	}

	static Map<String, Object> postback(String title, String payload) {
		return Map.of("type", "postback", "title", title, "payload", payload);
	}

	static Map<String, Object> webUrl(String title, String url) {
		return Map.of("type", "web_url", "title", title, "url", url);
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

	/**
	 * WireMock's first templated answer can take longer than Patchbay waits for a
	 * verification on a busy machine: the receiver answers one challenge first.
	 */
	private static void warmUp(String challenge) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			http.send(HttpRequest.newBuilder(URI.create(challenge)).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] png() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(new Color(0x1b6ac9));
			graphics.fillRect(0, 0, 16, 16);
			graphics.dispose();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
