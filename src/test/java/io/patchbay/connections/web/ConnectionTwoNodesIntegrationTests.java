package io.patchbay.connections.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.AdminApi;
import io.patchbay.SecondNode;
import io.patchbay.TestClients;
import io.patchbay.accounts.web.Sessions;
import io.patchbay.platform.PatchbayProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Patchbay nodes on one database, 50 calls at once through one connection whose token
 * is about to expire: the token endpoint sees exactly one refresh, and every call carries
 * the new token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ConnectionTwoNodesIntegrationTests {

	static WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

	static WireMockServer service = ExternalServices.tlsService();

	@Autowired
	RestTestClient client;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start() {
		tokenEndpoint.start();
		service.start();
	}

	@AfterAll
	static void stop() {
		tokenEndpoint.stop();
		service.stop();
	}

	@Test
	void fiftyCallsOnTwoNodesRefreshAnExpiringTokenOnce() throws Exception {
		// The first token expires within the refresh margin; the refresh answers slowly,
		// so that every call arrives while it is under way.
		tokenEndpoint.stubFor(post("/token").inScenario("refresh")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ExternalServices.token("expiring-token", 60))
			.willSetStateTo("issued"));
		tokenEndpoint.stubFor(post("/token").inScenario("refresh")
			.whenScenarioStateIs("issued")
			.willReturn(ExternalServices.token("refreshed-token", 3600).withFixedDelay(500)));
		service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		String client = "cc-" + Long.toString(System.nanoTime(), 36);
		send(admin, "/api/admin/oauth-clients", Map.of("name", client, "clientId", "patchbay", "clientSecret", "s3cret",
				"grantType", "client_credentials", "tokenUrl", tokenEndpoint.baseUrl() + "/token"), 201);
		String name = "shared-" + Long.toString(System.nanoTime(), 36);
		send(admin, "/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				201);

		try (SecondNode second = SecondNode.start(this.dataSource, this.properties)) {
			int secondPort = second.port();
			// One session per node: fifty HTTP Basic sign-ins at once would be throttled.
			List<RestTestClient> nodes = List.of(session(this.port), session(secondPort));
			List<Future<Integer>> calls = new ArrayList<>();
			try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < 50; i++) {
					RestTestClient node = nodes.get(i % 2);
					String path = "/call-" + i;
					calls.add(callers.submit(() -> status(node, name, path)));
				}
				for (Future<Integer> call : calls) {
					assertThat(call.get()).isEqualTo(200);
				}
			}
		}
		tokenEndpoint.verify(2, postRequestedFor(urlPathEqualTo("/token")));
		service.verify(50, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer refreshed-token")));
	}

	private int status(RestTestClient node, String name, String path) {
		Map<String, Object> answer = send(node, "/api/admin/connections/" + name + "/calls",
				Map.of("method", "GET", "url", "https://api.patchbay.test:" + service.httpsPort() + path), 200);
		return (Integer) answer.get("status");
	}

	private static RestTestClient session(int port) {
		RestTestClient anonymous = TestClients.withoutCookies(port);
		return Sessions.signIn(anonymous, AdminApi.EMAIL, AdminApi.PASSWORD).client(anonymous);
	}

	private static Map<String, Object> send(RestTestClient client, String uri, Map<String, Object> body, int status) {
		return ExternalServices.post(client, uri, body, status);
	}

}
