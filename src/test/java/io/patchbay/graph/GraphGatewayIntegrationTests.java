package io.patchbay.graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.integrations.AppSecretProof;
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

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

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
	void requiresTheTimeInTheProofWhenTheIntegrationAsksForIt() {
		String secret = appSecret();
		String proof = AppSecretProof.compute(secret, this.token);
		long now = Instant.now().getEpochSecond();
		String timed = AppSecretProof.compute(secret, this.token + "|" + now);
		security(List.of(), true, true);

		// The proof's presence is checked first, then the time's, then the proof.
		expectError(get("/graph/me"), 400, "GraphMethodException", 100, null).jsonPath("$.error.message")
			.isEqualTo("API calls from the server require an appsecret_proof argument");
		expectError(get("/graph/me?appsecret_proof=" + proof), 400, "GraphMethodException", 100, null)
			.jsonPath("$.error.message")
			.isEqualTo("API calls from the server require an appsecret_time argument");
		expectError(get("/graph/me?appsecret_proof=0000"), 400, "GraphMethodException", 100, null)
			.jsonPath("$.error.message")
			.isEqualTo("API calls from the server require an appsecret_time argument");
		get("/graph/me?appsecret_proof=" + timed + "&appsecret_time=" + now).expectStatus().isOk();
		expectError(get("/graph/me?appsecret_proof=" + proof + "&appsecret_time=" + now), 400, "GraphMethodException",
				100, null)
			.jsonPath("$.error.message")
			.isEqualTo("Invalid appsecret_proof provided in the API argument");
		long stale = now - 301;
		String old = AppSecretProof.compute(secret, this.token + "|" + stale);
		expectError(get("/graph/me?appsecret_proof=" + old + "&appsecret_time=" + stale), 400, "GraphMethodException",
				100, null);

		security(List.of(), true, false);
		get("/graph/me?appsecret_proof=" + proof).expectStatus().isOk();
	}

	@Test
	void anAppSecretTimeNoClockCanShowIsAnInvalidProof() {
		String secret = appSecret();
		for (String time : List.of("99999999999999999999", "-9223372036854775808", "9223372036854775807",
				"-31557014167219201", "1e9", "abc")) {
			String proof = AppSecretProof.compute(secret, this.token + "|" + time);
			expectError(get("/graph/me?appsecret_proof=" + proof + "&appsecret_time=" + time), 400,
					"GraphMethodException", 100, null)
				.jsonPath("$.error.message")
				.isEqualTo("Invalid appsecret_proof provided in the API argument");
		}
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
	void theVersionSegmentLeadsNowhereOutsideTheGraphApi() throws Exception {
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((io.patchbay.AdminApi.EMAIL + ":" + io.patchbay.AdminApi.PASSWORD)
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (String path : List.of("/graph/v19.0/..;/console", "/graph/v19.0/..;/console/integrations",
				"/graph/v1.0/../api/admin/integrations", "/graph/v1.0/..;/api/admin/integrations",
				"/graph/v1.0/%2e%2e/api/admin/integrations", "/graph/v1.0/.%2E/api/admin/integrations",
				"/graph/v2.0/me/../../graph/me", "/graph/v19.0/me;jsessionid=1", "/graph/v19.0/./me",
				"/graph/me;x=1")) {
			for (String authorization : List.of(basic, "Bearer " + this.token)) {
				java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
					.header("Authorization", authorization)
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isBetween(400, 499);
				assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path)
					.startsWith("application/json");
				assertThat(response.body()).as(path).contains("\"error\"", "\"code\":100");
			}
		}
		get("/graph/v19.0/me").expectStatus().isOk();
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

	private void security(List<String> allowedIps, boolean requireProof, boolean requireTime) {
		this.admin.put()
			.uri("/api/admin/integrations/{id}/security", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("allowedIps", allowedIps, "requireAppSecretProof", requireProof, "requireAppSecretTime",
					requireTime))
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

	static RestTestClient.BodyContentSpec expectError(RestTestClient.ResponseSpec response, int status, String type,
			int code, Integer subcode) {
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
		return body;
	}

}
