package io.patchbay.graph;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters the Graph API cannot take answer error 100 naming the parameter, never a
 * 500: a {@code fields=} selection nested or repeated without bound, and a JSON object or
 * array where a string is expected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class GraphParametersIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	GraphTestSetup graph;

	@BeforeEach
	void setUp() {
		this.graph = new GraphTestSetup(this.client, "CUSTOM");
	}

	@Test
	void aFieldsSelectionNestedWithoutBoundIsRefused() throws Exception {
		String deep = "id{".repeat(20_000) + "id" + "}".repeat(20_000);
		// Too long for a request line: sent in a JSON body, which the Graph API reads for
		// any method.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graph/me"))
				.method("GET", HttpRequest.BodyPublishers.ofString("{\"fields\": \"" + deep + "\"}"))
				.header("Authorization", "Bearer " + this.graph.token)
				.header("Content-Type", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":100", "nest");

		GraphGatewayIntegrationTests
			.expectError(this.graph.getRaw("/graph/me?fields=" + "id{".repeat(9) + "id" + "}".repeat(9)), 400,
					"OAuthException", 100, null)
			.jsonPath("$.error.message")
			.value(String.class, (message) -> assertThat(message).contains("fields", "8"));
		this.graph.getRaw("/graph/me?fields=id,name").expectStatus().isOk();
	}

	@Test
	void aFieldsSelectionOfTooManyFieldsIsRefused() {
		String many = String.join(",", java.util.Collections.nCopies(1_000, "id"));
		GraphGatewayIntegrationTests
			.expectError(this.client.method(org.springframework.http.HttpMethod.GET)
				.uri("/graph/me")
				.header("Authorization", "Bearer " + this.graph.token)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("fields", many))
				.exchange(), 400, "OAuthException", 100, null)
			.jsonPath("$.error.message")
			.value(String.class, (message) -> assertThat(message).contains("fields", "100"));
	}

	@Test
	void aJsonObjectOrArrayWhereAStringIsExpectedNamesTheParameter() {
		this.graph.permissions("read_group", "write_group");
		String group = this.graph.group("Objects", "OPEN");
		expectNamed(this.graph.post("/graph/{id}/feed", Map.of("message", Map.of("a", 1)), group), "message");
		expectNamed(this.graph.post("/graph/{id}/feed", Map.of("message", java.util.List.of("a", "b")), group),
				"message");
		expectNamed(this.client.method(org.springframework.http.HttpMethod.GET)
			.uri("/graph/me")
			.header("Authorization", "Bearer " + this.graph.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("fields", java.util.List.of("id", "name")))
			.exchange(), "fields");
		expectNamed(this.client.post()
			.uri("/graph/me")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("access_token", Map.of("token", this.graph.token)))
			.exchange(), "access_token");
		// A string still posts.
		this.graph.json(this.graph.post("/graph/{id}/feed", Map.of("message", "{\"a\":1} as text"), group));
	}

	private static void expectNamed(RestTestClient.ResponseSpec response, String parameter) {
		GraphGatewayIntegrationTests.expectError(response, 400, "OAuthException", 100, null)
			.jsonPath("$.error.message")
			.value(String.class, (message) -> assertThat(message).contains(parameter, "string"));
	}

}
