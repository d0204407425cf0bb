package io.patchbay.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.integrations.IntegrationUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's checks, in the order and with the errors of {@code graph-api.md}, through
 * HTTP against the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class GraphGatewayIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	IntegrationUsage usage;

	RestTestClient admin;

	String id;

	String pageId;

	String token;

	@BeforeEach
	void createIntegrationWithToken() {
		GraphTestSetup setup = new GraphTestSetup(this.client, "BOT");
		this.admin = setup.admin;
		this.id = setup.id;
		this.pageId = setup.pageId;
		this.token = setup.token;
	}

	@Test
	void acceptsTheTokenInTheHeaderTheQueryOrAFormBodyWithOrWithoutVersion() {
		this.client.get()
			.uri("/graph/me")
			.header("Authorization", "Bearer " + this.token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("x-app-usage", "\\{\"call_count\":\\d+,\"total_time\":0,\"total_cputime\":0}")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.pageId)
			.jsonPath("$.name")
			.value(String.class, (name) -> assertThat(name).startsWith("Graph "));
		this.client.get()
			.uri("/graph/v19.0/me?access_token={token}&format=json&suppress_http_code=1", this.token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.pageId);
		this.client.post()
			.uri("/graph/v2.11/me?method=get")
			.header("Authorization", "OAuth " + this.token)
			.exchange()
			.expectStatus()
			.isEqualTo(400);
		this.client.get()
			.uri("/graph/me?fields=id,name,category,picture")
			.header("Authorization", "OAuth " + this.token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.category")
			.isEqualTo("Bot")
			.jsonPath("$.picture.data.is_silhouette")
			.isEqualTo(true);
	}

	@Test
	void answersEachFailedCheckWithItsErrorEnvelope() {
		expectError(this.client.get().uri("/graph/me").exchange(), 400, "OAuthException", 2500, null);
		expectError(this.client.get().uri("/graph/me?access_token=pbt_unknown").exchange(), 401, "OAuthException", 190,
				467);
		expectError(this.client.get().uri("/graph/me?access_token=not-even-a-token").exchange(), 401, "OAuthException",
				190, 467);
		expectError(get("/graph/me?fields=id,secret_sauce"), 400, "OAuthException", 100, null);
		expectError(get("/graph/me?fields=id{name"), 400, "OAuthException", 100, null);
		expectError(get("/graph/123456789/nothing"), 400, "GraphMethodException", 100, 33);
		expectError(this.client.delete().uri("/graph/me").header("Authorization", "Bearer " + this.token).exchange(),
				400, "GraphMethodException", 100, 33);
	}

	@Test
	void aDisabledIntegrationAndARevokedOrResetTokenStopWorkingAtOnce() {
		get("/graph/me").expectStatus().isOk();
		patch(Map.of("enabled", false));
		expectError(get("/graph/me"), 401, "OAuthException", 190, 458);
		patch(Map.of("enabled", true));
		get("/graph/me").expectStatus().isOk();

		String old = this.token;
		this.token = newToken();
		get("/graph/me").expectStatus().isOk();
		expectError(this.client.get().uri("/graph/me").header("Authorization", "Bearer " + old).exchange(), 401,
				"OAuthException", 190, 467);

		this.admin.delete().uri("/api/admin/integrations/{id}/access-token", this.id).exchange();
		expectError(get("/graph/me"), 401, "OAuthException", 190, 467);
	}

	@Test
	void refusesCallersOutsideTheAllowedAddresses() {
		security(List.of("203.0.113.0/24"), false);
		expectError(get("/graph/me"), 403, "OAuthException", 5, null);
		security(List.of("203.0.113.0/24", "127.0.0.0/8", "::1"), false);
		get("/graph/me").expectStatus().isOk();
	}

	@Test
	void checksTheAppSecretProofWhenRequiredAndWheneverGiven() {
		String secret = appSecret();
		String proof = AppSecretProof.compute(secret, this.token);
		expectError(get("/graph/me?appsecret_proof=0000"), 400, "GraphMethodException", 100, null);
		get("/graph/me?appsecret_proof=" + proof).expectStatus().isOk();

		security(List.of(), true);
		expectError(get("/graph/me"), 400, "GraphMethodException", 100, null);
		get("/graph/me?appsecret_proof=" + proof).expectStatus().isOk();
		get("/graph/me?appsecret_proof=" + proof.toUpperCase()).expectStatus().isOk();

		long now = Instant.now().getEpochSecond();
		String timed = AppSecretProof.compute(secret, this.token + "|" + now);
		get("/graph/me?appsecret_proof=" + timed + "&appsecret_time=" + now).expectStatus().isOk();
		long stale = now - 301;
		String old = AppSecretProof.compute(secret, this.token + "|" + stale);
		expectError(get("/graph/me?appsecret_proof=" + old + "&appsecret_time=" + stale), 400, "GraphMethodException",
				100, null);
		expectError(get("/graph/me?appsecret_proof=" + timed), 400, "GraphMethodException", 100, null);

		this.client.post()
			.uri("/graph/me")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("access_token=" + this.token + "&appsecret_proof=" + proof)
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(100)
			.jsonPath("$.error.error_subcode")
			.isEqualTo(33);

		// A reset secret invalidates proofs made with the old one at once.
		this.admin.post().uri("/api/admin/integrations/{id}/app-secret", this.id).exchange().expectStatus().isOk();
		expectError(get("/graph/me?appsecret_proof=" + proof), 400, "GraphMethodException", 100, null);
	}

	@Test
	void refusesOversizedAndMalformedBodiesWithTheEnvelope() {
		String huge = "{\"message\":\"" + "x".repeat(1024 * 1024) + "\"}";
		expectError(this.client.post()
			.uri("/graph/me")
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(huge)
			.exchange(), 413, "OAuthException", 100, null);
		expectError(this.client.post()
			.uri("/graph/me")
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\": ")
			.exchange(), 400, "OAuthException", 100, null);
		expectError(this.client.post()
			.uri("/graph/me")
			.contentType(MediaType.APPLICATION_JSON)
			.body("[1, 2]")
			.header("Authorization", "Bearer " + this.token)
			.exchange(), 400, "OAuthException", 100, null);
	}

	@Test
	void countsEveryIdentifiedCallInTheIntegrationsUsage() {
		for (int i = 0; i < 3; i++) {
			get("/graph/me").expectStatus().isOk();
		}
		expectError(get("/graph/me?fields=nope"), 400, "OAuthException", 100, null);
		this.usage.flush();
		this.admin.get()
			.uri("/api/admin/integrations/{id}", this.id)
			.exchange()
			.expectBody()
			.jsonPath("$.usage.requestsLast7Days")
			.isEqualTo(4)
			.jsonPath("$.usage.lastRequestDate")
			.isNotEmpty();
	}

	private RestTestClient.ResponseSpec get(String uri) {
		return this.client.get().uri(uri).header("Authorization", "Bearer " + this.token).exchange();
	}

	private void patch(Map<String, Object> changes) {
		this.admin.patch()
			.uri("/api/admin/integrations/{id}", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(changes)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void security(List<String> allowedIps, boolean requireProof) {
		this.admin.put()
			.uri("/api/admin/integrations/{id}/security", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("allowedIps", allowedIps, "requireAppSecretProof", requireProof))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String newToken() {
		return (String) this.admin.post()
			.uri("/api/admin/integrations/{id}/access-token", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
	}

	private String appSecret() {
		return (String) this.admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
	}

	static void expectError(RestTestClient.ResponseSpec response, int status, String type, int code, Integer subcode) {
		var body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody();
		body.jsonPath("$.error.type").isEqualTo(type);
		body.jsonPath("$.error.code").isEqualTo(code);
		body.jsonPath("$.error.message").isNotEmpty();
		body.jsonPath("$.error.fbtrace_id").isNotEmpty();
		if (subcode != null) {
			body.jsonPath("$.error.error_subcode").isEqualTo(subcode);
		}
		else {
			body.jsonPath("$.error.error_subcode").doesNotExist();
		}
	}

}
