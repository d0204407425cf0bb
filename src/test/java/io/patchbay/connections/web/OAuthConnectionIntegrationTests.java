package io.patchbay.connections.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import io.patchbay.accounts.web.Sessions;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * OAUTH2 connections against a real OAuth 2.0 server started here
 * ({@code mock-oauth2-server}) and, for the answers a real server would not give
 * (garbage, a revoked client), a token endpoint played by WireMock. The service called
 * with the tokens is a TLS receiver on {@code *.patchbay.test}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class OAuthConnectionIntegrationTests {

	static MockOAuth2Server provider = new MockOAuth2Server();

	static WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

	static WireMockServer service = ExternalServices.tlsService();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	RestTestClient admin;

	@BeforeAll
	static void start() {
		provider.start();
		tokenEndpoint.start();
		service.start();
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
		tokenEndpoint.stop();
		service.stop();
	}

	@BeforeEach
	void setUp() {
		this.admin = AdminApi.asAdministrator(this.client);
		service.resetAll();
		tokenEndpoint.resetAll();
		service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
		drain();
	}

	@Test
	void authorizationCodeWithPkceThroughTheCallback() {
		String client = createClient("authorization_code", provider.tokenEndpointUrl("default").toString(),
				"client_secret_basic");
		String name = unique("crm");
		Map<String, Object> started = send("/api/admin/connections", Map.of("name", name, "type", "OAUTH2",
				"allowedDomain", "api.patchbay.test", "oauthClient", client, "scopes", "openid tickets:read"), 202);
		URI authorize = URI.create((String) started.get("authorizeUrl"));
		assertThat(authorize.getQuery()).contains("code_challenge_method=S256", "code_challenge=", "state=",
				"redirect_uri=http://localhost:", "/oauth/callback", "scope=openid+tickets:read");
		this.admin.get().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNotFound();

		String callback = consent(authorize);
		RestTestClient session = adminSession();
		String page = session.get()
			.uri(callback)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("data-outcome=\"connected\"", name);
		RecordedRequest exchange = tokenRequest("authorization_code");
		assertThat(exchange.getBody().readUtf8()).contains("code_verifier=");
		assertThat(exchange.getHeader("Authorization")).startsWith("Basic ");

		Map<String, Object> connection = get(name);
		assertThat(connection).containsEntry("type", "OAUTH2")
			.containsEntry("status", "active")
			.containsEntry("oauthClient", client)
			.containsEntry("grantedScopes", "openid tickets:read");
		assertThat(connection.get("expiresAt")).isNotNull();
		call(name, "/tickets", 200);
		service
			.verify(getRequestedFor(urlPathEqualTo("/tickets")).withHeader("Authorization", matching("Bearer ey.+")));

		// The state worked once.
		String again = session.get()
			.uri(callback)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(again).contains("data-outcome=\"refused\"", "already used");
	}

	@Test
	void aDeniedConsentLeavesNothingBehind() {
		String client = createClient("authorization_code", provider.tokenEndpointUrl("default").toString(), null);
		String name = unique("denied");
		Map<String, Object> started = send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				202);
		String state = query(URI.create((String) started.get("authorizeUrl")), "state");
		adminSession().get()
			.uri("/oauth/callback?error=access_denied&state={state}", state)
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.admin.get().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNotFound();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM oauth_authorization WHERE connection_name = ?")
			.param(name)
			.query(Integer.class)
			.single()).isZero();
		adminSession().get().uri("/oauth/callback?code=x&state=forged").exchange().expectStatus().isBadRequest();
	}

	@Test
	void clientCredentialsFetchATokenAtOnceAndRefreshBeforeExpiry() {
		String client = createClient("client_credentials", provider.tokenEndpointUrl("default").toString(),
				"client_secret_post");
		String name = unique("machine");
		// 60 s of validity: inside the 5-minute margin, so the first call refreshes.
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "machine", "JWT", null, Map.of(), 60));
		Map<String, Object> created = send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "*.patchbay.test", "oauthClient", client), 201);
		assertThat(created).containsEntry("status", "active").containsEntry("grantedScopes", "read write");
		RecordedRequest first = tokenRequest("client_credentials");
		assertThat(first.getBody().readUtf8()).contains("client_secret=");

		call(name, "/first", 200);
		tokenRequest("client_credentials");
		call(name, "/second", 200);
		assertThat(nextRequest(200)).as("no further token request").isNull();
		List<String> tokens = new ArrayList<>();
		service.getAllServeEvents().forEach((event) -> tokens.add(event.getRequest().getHeader("Authorization")));
		// Both calls carry the refreshed token.
		assertThat(tokens).hasSize(2);
		assertThat(tokens.get(0)).startsWith("Bearer ey").isEqualTo(tokens.get(1));
	}

	@Test
	void garbageFromTheTokenEndpointStoresNothing() {
		tokenEndpoint.stubFor(post("/token").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>")));
		String client = createClient("client_credentials", tokenEndpoint.baseUrl() + "/token", null);
		String name = unique("garbage");
		Map<String, Object> problem = send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				400);
		assertThat(problem).containsEntry("field", "oauthClient");
		assertThat((String) problem.get("detail")).contains("no token response");
		this.admin.get().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNotFound();
	}

	@Test
	void aRevokedClientNeedsReauthorizationAndReconnects() {
		String client = createClient("client_credentials", tokenEndpoint.baseUrl() + "/token", null);
		String name = unique("revoked");
		tokenEndpoint.stubFor(post("/token").willReturn(ExternalServices.token("first-token", 60)));
		send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				201);

		tokenEndpoint.stubFor(post("/token").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"client revoked\"}")));
		Map<String, Object> failed = call(name, "/x", 502);
		assertThat((String) failed.get("detail")).contains("invalid_client");
		assertThat(get(name)).containsEntry("status", "needs_reauthorization");
		call(name, "/x", 409);

		tokenEndpoint.stubFor(post("/token").willReturn(ExternalServices.token("second-token", 3600)));
		Map<String, Object> reconnected = send("/api/admin/connections/" + name + "/reconnect", Map.of(), 200);
		assertThat(reconnected).containsEntry("status", "active");
		call(name, "/y", 200);
		service
			.verify(getRequestedFor(urlPathEqualTo("/y")).withHeader("Authorization", equalTo("Bearer second-token")));
	}

	@Test
	void a401RefreshesOnceAndRetries() {
		String client = createClient("client_credentials", tokenEndpoint.baseUrl() + "/token", null);
		String name = unique("rejected");
		tokenEndpoint.stubFor(post("/token").inScenario("tokens")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ExternalServices.token("stale-token", 3600))
			.willSetStateTo("issued"));
		tokenEndpoint.stubFor(post("/token").inScenario("tokens")
			.whenScenarioStateIs("issued")
			.willReturn(ExternalServices.token("fresh-token", 3600)));
		send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				201);
		service.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer stale-token"))
			.willReturn(aResponse().withStatus(401)));

		assertThat(call(name, "/z", 200)).containsEntry("status", 200);
		tokenEndpoint.verify(2, postRequestedFor(urlPathEqualTo("/token")));
		service
			.verify(getRequestedFor(urlPathEqualTo("/z")).withHeader("Authorization", equalTo("Bearer fresh-token")));
	}

	@Test
	void aRotatedRefreshTokenReplacesTheOldOneAndAMissingOneKeepsIt() {
		String client = createClient("authorization_code", tokenEndpoint.baseUrl() + "/token", null);
		String[][] answers = { { "code-token", "refresh-1" }, { "second-token", "refresh-2" }, { "third-token", null },
				{ "fourth-token", null } };
		String state = Scenario.STARTED;
		for (int i = 0; i < answers.length; i++) {
			String next = "answer-" + (i + 1);
			String refresh = (answers[i][1] != null) ? ",\"refresh_token\":\"" + answers[i][1] + "\"" : "";
			tokenEndpoint.stubFor(post("/token").inScenario("rotation")
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"access_token\":\"" + answers[i][0] + "\",\"token_type\":\"Bearer\",\"expires_in\":"
							+ ((i < 3) ? 60 : 3600) + refresh + "}"))
				.willSetStateTo(next));
			state = next;
		}
		String name = unique("rotation");
		Map<String, Object> started = send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				202);
		String authorizeState = query(URI.create((String) started.get("authorizeUrl")), "state");
		adminSession().get()
			.uri("/oauth/callback?code=the-code&state={state}", authorizeState)
			.exchange()
			.expectStatus()
			.isOk();

		for (int call = 1; call <= 3; call++) {
			call(name, "/rotation", 200);
		}
		List<String> sent = tokenEndpoint.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest().getBodyAsString())
			.filter((body) -> body.contains("grant_type=refresh_token"))
			.map((body) -> body.replaceAll(".*refresh_token=([^&]+).*", "$1"))
			.toList();
		// Newest first in WireMock's journal: refresh 3, 2, 1.
		assertThat(sent).containsExactly("refresh-2", "refresh-2", "refresh-1");
		service.verify(getRequestedFor(urlPathEqualTo("/rotation")).withHeader("Authorization",
				equalTo("Bearer fourth-token")));
	}

	@Test
	void aClientInUseCannotBeDeleted() {
		String client = createClient("client_credentials", tokenEndpoint.baseUrl() + "/token", null);
		tokenEndpoint.stubFor(post("/token").willReturn(ExternalServices.token("t", 3600)));
		String name = unique("user");
		send("/api/admin/connections",
				Map.of("name", name, "type", "OAUTH2", "allowedDomain", "api.patchbay.test", "oauthClient", client),
				201);
		Map<String, Object> read = this.admin.get()
			.uri("/api/admin/oauth-clients/{name}", client)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(read).containsEntry("clientSecret", "*****")
			.containsEntry("callbackUrl", "http://localhost:0/oauth/callback");
		this.admin.delete().uri("/api/admin/oauth-clients/{name}", client).exchange().expectStatus().isEqualTo(409);
		this.admin.delete().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNoContent();
		this.admin.delete().uri("/api/admin/oauth-clients/{name}", client).exchange().expectStatus().isNoContent();
	}

	private String createClient(String grant, String tokenUrl, String authentication) {
		String name = unique("client");
		Map<String, Object> body = new java.util.HashMap<>(
				Map.of("name", name, "clientId", "patchbay-" + name, "clientSecret", "client-secret-" + name,
						"grantType", grant, "tokenUrl", tokenUrl, "defaultScopes", "read write"));
		if (grant.equals("authorization_code")) {
			body.put("authorizationUrl", provider.authorizationEndpointUrl("default").toString());
		}
		if (authentication != null) {
			body.put("clientAuthentication", authentication);
		}
		send("/api/admin/oauth-clients", body, 201);
		return name;
	}

	/**
	 * The provider's consent page, answered at once: where it sends the browser back.
	 * (The mock provider is an OpenID Connect one, so the tests ask for {@code openid}
	 * too.)
	 */
	private String consent(URI authorize) {
		try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(authorize).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
			URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
			assertThat(back.getPath()).isEqualTo("/oauth/callback");
			return back.getPath() + "?" + back.getRawQuery();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RestTestClient adminSession() {
		RestTestClient anonymous = TestClients.withoutCookies(this.port);
		return Sessions.signIn(anonymous, AdminApi.EMAIL, AdminApi.PASSWORD).client(anonymous);
	}

	/** The next token request of that grant the provider received. */
	private static RecordedRequest tokenRequest(String grant) {
		for (int i = 0; i < 20; i++) {
			RecordedRequest request = nextRequest(5000);
			assertThat(request).as("a token request").isNotNull();
			if (request.getPath().endsWith("/token")
					&& request.getBody().clone().readUtf8().contains("grant_type=" + grant)) {
				return request;
			}
		}
		throw new AssertionError("no " + grant + " token request");
	}

	private static void drain() {
		while (nextRequest(1) != null) {
			// requests of earlier tests
		}
	}

	/** The provider's next request, or null when none came within the time. */
	private static RecordedRequest nextRequest(long millis) {
		try {
			return provider.takeRequest(millis, TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			// mock-oauth2-server throws when its queue stays empty
			return null;
		}
	}

	private static String query(URI uri, String parameter) {
		for (String pair : uri.getRawQuery().split("&")) {
			if (pair.startsWith(parameter + "=")) {
				return java.net.URLDecoder.decode(pair.substring(parameter.length() + 1),
						java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError("no " + parameter);
	}

	private static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

	private Map<String, Object> get(String name) {
		return this.admin.get()
			.uri("/api/admin/connections/{name}", name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private Map<String, Object> call(String name, String path, int status) {
		return send("/api/admin/connections/" + name + "/calls",
				Map.of("method", "GET", "url", "https://api.patchbay.test:" + service.httpsPort() + path), status);
	}

	private Map<String, Object> send(String uri, Map<String, Object> body, int status) {
		return ExternalServices.post(this.admin, uri, body, status);
	}

}
