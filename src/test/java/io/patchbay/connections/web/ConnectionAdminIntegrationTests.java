package io.patchbay.connections.web;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections through the admin API, called against a TLS receiver: {@code
 * *.patchbay.test} resolves to this machine through {@code jdk.net.hosts.file}, and the
 * receiver's certificate is in the test trust store (both set for failsafe in the pom).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ConnectionAdminIntegrationTests {

	static WireMockServer service = ExternalServices.tlsService();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	RestTestClient admin;

	@BeforeAll
	static void start() {
		service.start();
	}

	@AfterAll
	static void stop() {
		service.stop();
	}

	@BeforeEach
	void setUp() {
		this.admin = AdminApi.asAdministrator(this.client);
		service.resetAll();
		service.stubFor(any(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
	}

	@Test
	void eachTypeSendsItsCredentialHeaderOverTls() {
		String key = "key-" + System.nanoTime();
		String apiKey = unique("zendesk");
		create(Map.of("name", apiKey, "type", "API_KEY", "allowedDomain", "api.patchbay.test", "headerName",
				"X-Api-Key", "apiKey", key), 201);
		String basic = unique("basic");
		create(Map.of("name", basic, "type", "BASIC", "allowedDomain", "*.patchbay.test", "username", "robot",
				"password", "s3cret-pass"), 201);
		String bearer = unique("bearer");
		create(Map.of("name", bearer, "type", "BEARER", "allowedDomain", "patchbay.test", "token", "tok-123"), 201);

		Map<String, Object> answer = call(apiKey,
				Map.of("method", "GET", "url", url("api.patchbay.test", "/v2/tickets")), 200);
		assertThat(answer).containsEntry("status", 200)
			.containsEntry("body", "{\"ok\":true}")
			.containsEntry("truncated", false);
		service.verify(getRequestedFor(urlPathEqualTo("/v2/tickets")).withHeader("X-Api-Key", equalTo(key)));

		call(basic, Map.of("method", "POST", "url", url("other.patchbay.test", "/basic"), "body", "{}"), 200);
		service.verify(postRequestedFor(urlPathEqualTo("/basic")).withHeader("Authorization",
				equalTo("Basic cm9ib3Q6czNjcmV0LXBhc3M=")));

		call(bearer, Map.of("method", "DELETE", "url", url("patchbay.test", "/bearer")), 200);
		service
			.verify(anyRequestedFor(urlPathEqualTo("/bearer")).withHeader("Authorization", equalTo("Bearer tok-123")));
	}

	@Test
	void readsShowNoSecretAndTheUse() {
		String name = unique("redacted");
		Map<String, Object> created = create(Map.of("name", name, "type", "BASIC", "allowedDomain", "api.patchbay.test",
				"username", "robot", "password", "hidden-password-1"), 201);
		assertThat(created).containsEntry("username", "*****")
			.containsEntry("password", "*****")
			.containsEntry("lastUsedAt", null);
		call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/")), 200);

		Map<String, Object> read = this.admin.get()
			.uri("/api/admin/connections/{name}", name.toUpperCase())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(read).containsEntry("name", name)
			.containsEntry("password", "*****")
			.containsEntry("lastUsedBy", "console: Administrator");
		String list = this.admin.get()
			.uri("/api/admin/connections")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(list).contains(name).doesNotContain("hidden-password-1", "robot");
	}

	@Test
	void rotationReplacesTheSecretAndNothingElseMayChange() {
		String name = unique("rotated");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "api.patchbay.test", "token", "old-token"), 201);
		patch(name, Map.of("token", "new-token"), 200);
		call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/rotated")), 200);
		service.verify(
				getRequestedFor(urlPathEqualTo("/rotated")).withHeader("Authorization", equalTo("Bearer new-token")));

		assertProblem(patch(name, Map.of("allowedDomain", "other.patchbay.test"), 400), "allowedDomain");
		assertProblem(patch(name, Map.of("type", "BASIC"), 400), "type");
		assertProblem(patch(name, Map.of("name", name + "-2"), 400), "name");
		assertProblem(patch(name, Map.of("apiKey", "k"), 400), "apiKey");
		assertProblem(patch(name, Map.of(), 400), "credentials");
		patch(name, Map.of("name", name, "allowedDomain", "API.patchbay.test", "token", "newer"), 200);
	}

	@Test
	void everyRuleIsAProblemNamingTheField() {
		assertProblem(create(Map.of("name", "x", "type", "BEARER", "allowedDomain", "a.example", "token", "t"), 400),
				"name");
		assertProblem(create(Map.of("name", unique("t"), "type", "PASSWORD", "allowedDomain", "a.example"), 400),
				"type");
		assertProblem(
				create(Map.of("name", unique("t"), "type", "BEARER", "allowedDomain", "*.myshopify.com", "token", "t"),
						400),
				"allowedDomain");
		assertProblem(create(Map.of("name", unique("t"), "type", "API_KEY", "allowedDomain", "a.example", "headerName",
				"X-Forwarded-Key", "apiKey", "k"), 400), "headerName");
		assertProblem(create(Map.of("name", unique("t"), "type", "BEARER", "allowedDomain", "a.example"), 400),
				"token");
		assertProblem(create(Map.of("name", unique("t"), "type", "BEARER", "allowedDomain", "a.example", "token", "t",
				"oauthClient", "github"), 400), "oauthClient");
		String name = unique("dup");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "a.example", "token", "t"), 201);
		assertProblem(create(Map.of("name", name.toUpperCase(), "type", "BASIC", "allowedDomain", "a.example",
				"username", "u", "password", "p"), 409), "name");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM connection WHERE name_key = ?")
			.param(name.toLowerCase())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void callsOutsideTheRulesAreRefusedBeforeAnythingIsSent() {
		String name = unique("guarded");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "api.patchbay.test", "token", "never-leaks"),
				201);
		assertProblem(call(name,
				Map.of("method", "GET", "url", "http://api.patchbay.test:" + service.httpsPort() + "/"), 400), "url");
		assertProblem(call(name, Map.of("method", "GET", "url", url("other.patchbay.test", "/")), 400), "url");
		assertProblem(call(name, Map.of("method", "GET", "url", url("api.patchbay.test.evil.example", "/")), 400),
				"url");
		assertProblem(call(name, Map.of("method", "GET", "url", "https://user:pw@api.patchbay.test/"), 400), "url");
		assertProblem(call(name, Map.of("method", "TRACE", "url", url("api.patchbay.test", "/")), 400), "method");
		assertProblem(call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/"), "headers",
				Map.of("X-Evil", "a\r\nAuthorization: Bearer mine")), 400), "headers");
		assertProblem(call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/"), "headers",
				Map.of("Host", "elsewhere.example")), 400), "headers");
		assertThat(service.getAllServeEvents()).isEmpty();
	}

	@Test
	void theCallersHeadersCannotReplaceTheCredential() {
		String name = unique("override");
		create(Map.of("name", name, "type", "API_KEY", "allowedDomain", "api.patchbay.test", "headerName", "X-Api-Key",
				"apiKey", "the-real-key"), 201);
		call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/h"), "headers",
				Map.of("x-api-key", "forged", "Accept", "application/json")), 200);
		service.verify(getRequestedFor(urlPathEqualTo("/h")).withHeader("X-Api-Key", equalTo("the-real-key"))
			.withHeader("Accept", equalTo("application/json")));
		assertThat(service.getAllServeEvents().getFirst().getRequest().getHeaders().getHeader("X-Api-Key").values())
			.containsExactly("the-real-key");
	}

	@Test
	void redirectsAreNotFollowedAndLargeAnswersAreCut() {
		String name = unique("limits");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "*.patchbay.test", "token", "t"), 201);
		service.stubFor(any(urlPathEqualTo("/moved"))
			.willReturn(aResponse().withStatus(302).withHeader("Location", url("api.patchbay.test", "/elsewhere"))));
		service.stubFor(
				any(urlPathEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody("x".repeat(1_200_000))));

		Map<String, Object> moved = call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/moved")), 200);
		assertThat(moved).containsEntry("status", 302);
		service.verify(0, anyRequestedFor(urlPathEqualTo("/elsewhere")));

		Map<String, Object> big = call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/big")), 200);
		assertThat(big).containsEntry("truncated", true);
		assertThat((String) big.get("body")).hasSize(1024 * 1024);
	}

	@Test
	void aServiceThatDoesNotAnswerIsABadGatewayInWords() {
		String name = unique("down");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "api.patchbay.test", "token", "t"), 201);
		// Nothing listens on port 9 (discard) here: connection refused.
		Map<String, Object> problem = call(name, Map.of("method", "GET", "url", "https://api.patchbay.test:9/"), 502);
		assertThat((String) problem.get("detail")).containsIgnoringCase("connection refused")
			.doesNotContain("Exception");
	}

	@Test
	void deletedConnectionsAreGoneAndCallsAreCounted() {
		String name = unique("gone");
		create(Map.of("name", name, "type", "BEARER", "allowedDomain", "api.patchbay.test", "token", "t"), 201);
		call(name, Map.of("method", "GET", "url", url("api.patchbay.test", "/")), 200);
		this.admin.delete().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNoContent();
		this.admin.get().uri("/api/admin/connections/{name}", name).exchange().expectStatus().isNotFound();
		String metrics = this.admin.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).containsPattern(
				"patchbay_connection_calls_total\\{connection=\"" + name + "\",outcome=\"2xx\"[^}]*\\} 1\\.0");
		List<String> audit = this.jdbc
			.sql("SELECT action || ' ' || COALESCE(details, '') FROM audit_entry "
					+ "WHERE object_name = ? ORDER BY occurred_at")
			.param(name)
			.query(String.class)
			.list();
		assertThat(audit).hasSize(3);
		assertThat(audit.get(0)).startsWith("connection.created");
		assertThat(audit.get(1)).startsWith("connection.called").contains("host=api.patchbay.test");
		assertThat(audit.get(2)).startsWith("connection.deleted");
	}

	private static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

	private static String url(String host, String path) {
		return "https://" + host + ":" + service.httpsPort() + path;
	}

	private Map<String, Object> create(Map<String, Object> body, int status) {
		return exchange(this.admin.post().uri("/api/admin/connections"), body, status);
	}

	private Map<String, Object> patch(String name, Map<String, Object> body, int status) {
		return exchange(this.admin.patch().uri("/api/admin/connections/{name}", name), body, status);
	}

	private Map<String, Object> call(String name, Map<String, Object> body, int status) {
		return exchange(this.admin.post().uri("/api/admin/connections/{name}/calls", name), body, status);
	}

	private static Map<String, Object> exchange(RestTestClient.RequestBodySpec request, Map<String, Object> body,
			int status) {
		return request.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static void assertProblem(Map<String, Object> problem, String field) {
		assertThat(problem).containsEntry("field", field);
	}

}
