package io.patchbay.webhooks;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.platform.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Subscribing through the admin API: the handshake, and the validation of topics, fields,
 * permissions, URLs and verify tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SubscriptionsIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	Subscriptions subscriptions;

	WebhookTestSupport hooks;

	@BeforeAll
	static void startReceiver() {
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@BeforeEach
	void setUp() {
		receiver.resetAll();
		this.hooks = WebhookTestSupport.of(this.client, receiver);
	}

	@Test
	void subscribesWhenTheCallbackEchoesTheChallenge() {
		this.hooks.acceptHandshakes("/hooks/good");
		Map<?, ?> integration = this.hooks.integration(List.of("read_group", "read_group_membership"));

		this.hooks.subscribe(integration.get("id"), "group", "/hooks/good", List.of("posts", "membership"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.topic")
			.isEqualTo("group")
			.jsonPath("$.active")
			.isEqualTo(true)
			.jsonPath("$.fields")
			.isEqualTo(List.of("posts", "membership"))
			.jsonPath("$.verifyToken")
			.doesNotExist();
		receiver.verify(getRequestedFor(urlPathEqualTo("/hooks/good"))
			.withQueryParam("hub.mode", com.github.tomakehurst.wiremock.client.WireMock.equalTo("subscribe"))
			.withQueryParam("hub.verify_token",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo("s3cret-verify")));

		this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/webhooks", integration.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].topic")
			.isEqualTo("group");
		this.hooks.admin()
			.delete()
			.uri("/api/admin/integrations/{id}/webhooks/group", integration.get("id"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/webhooks", integration.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.data")
			.isEmpty();
	}

	@Test
	void refusesCallbacksThatFailTheHandshakeWith422() {
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		receiver.stubFor(get(urlPathEqualTo("/hooks/wrong")).willReturn(aResponse().withBody("not the challenge")));
		receiver.stubFor(get(urlPathEqualTo("/hooks/broken")).willReturn(aResponse().withStatus(500)));
		receiver.stubFor(get(urlPathEqualTo("/hooks/moved"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", receiver.baseUrl() + "/hooks/wrong")));

		for (String path : List.of("/hooks/wrong", "/hooks/broken", "/hooks/moved", "/hooks/missing")) {
			this.hooks.subscribe(integration.get("id"), "group", path, List.of("posts"))
				.expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.isNotEmpty();
		}
		this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/webhooks", integration.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.data")
			.isEmpty();
	}

	@Test
	void tellsTheAdministratorInWordsWhyAHandshakeFailed() throws Exception {
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		receiver.stubFor(get(urlPathEqualTo("/hooks/wrong")).willReturn(aResponse().withBody("not the challenge")));
		receiver.stubFor(get(urlPathEqualTo("/hooks/slow"))
			.willReturn(aResponse().withFixedDelay(3_000).withBody("{{request.query.[hub.challenge]}}")));
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Map<String, String> reasons = new java.util.LinkedHashMap<>();
		reasons.put("http://127.0.0.1:" + closedPort + "/hook", "connection refused");
		reasons.put("http://169.254.169.254/latest/meta-data", "the address is not allowed");
		reasons.put("http://no-such-host.invalid/hook", "the host name could not be resolved");
		reasons.put(receiver.baseUrl() + "/hooks/missing", "the callback answered HTTP 404");
		reasons.put(receiver.baseUrl() + "/hooks/wrong",
				"the callback answered 200 but not with the hub.challenge value");
		reasons.put(receiver.baseUrl() + "/hooks/slow", "timed out after 2 s");
		reasons.forEach((url, reason) -> this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/webhooks/group", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", url, "verifyToken", "t", "fields", List.of("posts")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The callback URL did not pass verification: " + reason));
	}

	@Test
	void theAuditLogKeepsNoQueryStringOfACallbackUrl() {
		this.hooks.acceptHandshakes("/hooks/query");
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		String secret = "hunter2-" + System.nanoTime();
		this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/webhooks/group", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", receiver.baseUrl() + "/hooks/query?key=" + secret + "&x=1", "verifyToken", "t",
					"fields", List.of("posts")))
			.exchange()
			.expectStatus()
			.isOk();
		String audit = this.hooks.admin()
			.get()
			.uri("/api/admin/audit?limit=20")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit).contains("webhook.subscribed", "callbackUrl=" + receiver.baseUrl() + "/hooks/query")
			.doesNotContain(secret);
	}

	@Test
	void validatesTopicsFieldsPermissionsUrlsAndTokens() {
		this.hooks.acceptHandshakes("/hooks/v");
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		Object id = integration.get("id");
		expect400(this.hooks.subscribe(id, "weather", "/hooks/v", List.of("posts")), "topic");
		expect400(this.hooks.subscribe(id, "group", "/hooks/v", List.of("rumours")), "fields");
		expect400(this.hooks.subscribe(id, "group", "/hooks/v", List.of()), "fields");
		expect400(this.hooks.subscribe(id, "group", "/hooks/v", List.of("membership")), "fields");
		expect400(this.hooks.subscribe(id, "workplace_security", "/hooks/v", List.of("admin_activity")), "fields");
		for (String url : List.of("ftp://example.com/x", "/relative", "not a url", "https://")) {
			expect400(this.hooks.admin()
				.put()
				.uri("/api/admin/integrations/{id}/webhooks/group", id)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("callbackUrl", url, "verifyToken", "t", "fields", List.of("posts")))
				.exchange(), "callbackUrl");
		}
		expect400(this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/webhooks/group", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", receiver.baseUrl() + "/hooks/v", "verifyToken", "t".repeat(257), "fields",
					List.of("posts")))
			.exchange(), "verifyToken");
	}

	@Test
	void resubscribingKeepsTheCurrentVerifyToken() {
		this.hooks.acceptHandshakes("/hooks/kept");
		this.hooks.acceptHandshakes("/hooks/moved-on");
		Map<?, ?> integration = this.hooks.integration(List.of("read_group", "read_group_membership"));
		long id = Long.parseLong((String) integration.get("id"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(
				() -> this.subscriptions.resubscribe(id, "group", receiver.baseUrl() + "/hooks/kept", List.of("posts")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("verifyToken"));
		this.hooks.subscribe(id, "group", "/hooks/kept", List.of("posts")).expectStatus().isOk();

		Subscription changed = this.subscriptions.resubscribe(id, "group", receiver.baseUrl() + "/hooks/moved-on",
				List.of("posts", "membership"));

		assertThat(changed.fields()).containsExactly("posts", "membership");
		receiver.verify(getRequestedFor(urlPathEqualTo("/hooks/moved-on")).withQueryParam("hub.verify_token",
				com.github.tomakehurst.wiremock.client.WireMock.equalTo("s3cret-verify")));
	}

	private static void expect400(RestTestClient.ResponseSpec response, String field) {
		response.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo(field);
	}

}
