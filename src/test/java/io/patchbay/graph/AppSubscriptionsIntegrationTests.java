package io.patchbay.graph;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integration manages its own subscriptions through {@code /graph/app/subscriptions},
 * with the console's rules and handshake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AppSubscriptionsIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@BeforeAll
	static void start() {
		receiver.start();
		receiver.stubFor(get(urlPathEqualTo("/hook"))
			.willReturn(aResponse().withStatus(200).withBody("{{request.query.[hub.challenge]}}")));
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@Test
	void subscribesListsAndUnsubscribesWithTheGraphApi() {
		String token = tokenWith(List.of("read_group"));
		post(token, "object=group&fields=posts,comments&verify_token=abc&callback_url=" + receiver.baseUrl() + "/hook")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true);
		this.client.get()
			.uri("/graph/v19.0/app/subscriptions")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].object")
			.isEqualTo("group")
			.jsonPath("$.data[0].fields[*].name")
			.isEqualTo(List.of("posts", "comments"))
			.jsonPath("$.data[0].active")
			.isEqualTo(true);

		GraphGatewayIntegrationTests.expectError(post(token,
				"object=group&fields=membership&verify_token=abc" + "&callback_url=" + receiver.baseUrl() + "/hook"),
				400, "OAuthException", 100, null);
		GraphGatewayIntegrationTests.expectError(post(token,
				"object=group&fields=posts&verify_token=abc" + "&callback_url=" + receiver.baseUrl() + "/nothing-here"),
				400, "OAuthException", 2200, null);
		GraphGatewayIntegrationTests.expectError(post(token, "object=group&fields=posts"), 400, "OAuthException", 100,
				null);

		this.client.delete()
			.uri("/graph/app/subscriptions?object=group")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/graph/app/subscriptions")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectBody()
			.jsonPath("$.data")
			.isEmpty();
	}

	@Test
	void handshakeFailuresDoNotTellAnIntegrationWhatLiesBehindTheCallback() throws Exception {
		String token = tokenWith(List.of("read_group"));
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		java.util.Set<String> messages = new java.util.HashSet<>();
		for (String url : List.of("http://127.0.0.1:" + closedPort + "/hook", "http://169.254.169.254/latest",
				"http://no-such-host.invalid/hook")) {
			GraphGatewayIntegrationTests
				.expectError(post(token, "object=group&fields=posts&verify_token=abc&callback_url=" + url), 400,
						"OAuthException", 2200, null)
				.jsonPath("$.error.message")
				.value(String.class, messages::add);
		}
		assertThat(messages).hasSize(1);
		assertThat(messages.iterator().next()).contains("could not be reached")
			.doesNotContain("refused", "allowed", "resolve", "Exception", "127.0.0.1", "169.254");
		GraphGatewayIntegrationTests
			.expectError(post(token,
					"object=group&fields=posts&verify_token=abc&callback_url=" + receiver.baseUrl() + "/nothing-here"),
					400, "OAuthException", 2200, null)
			.jsonPath("$.error.message")
			.value(String.class, (message) -> assertThat(message).contains("HTTP 404"));
	}

	@Test
	void fieldsMayComeAsAJsonArrayAndOtherParametersMustBeStrings() {
		String token = tokenWith(List.of("read_group"));
		this.client.post()
			.uri("/graph/app/subscriptions")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("object", "group", "fields", List.of("posts", "comments"), "verify_token", "abc",
					"callback_url", receiver.baseUrl() + "/hook"))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/graph/app/subscriptions")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].fields[*].name")
			.isEqualTo(List.of("posts", "comments"));
		GraphGatewayIntegrationTests
			.expectError(this.client.post()
				.uri("/graph/app/subscriptions")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(java.util.Map.of("object", java.util.Map.of("x", 1), "fields", List.of("posts"), "verify_token",
						"abc", "callback_url", receiver.baseUrl() + "/hook"))
				.exchange(), 400, "OAuthException", 100, null)
			.jsonPath("$.error.message")
			.value(String.class, (message) -> assertThat(message).contains("object"));
	}

	private RestTestClient.ResponseSpec post(String token, String form) {
		return this.client.post()
			.uri("/graph/app/subscriptions")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.exchange();
	}

	private String tokenWith(List<String> permissions) {
		GraphTestSetup setup = new GraphTestSetup(this.client, "CUSTOM");
		setup.permissions(permissions.toArray(String[]::new));
		return setup.token;
	}

}
