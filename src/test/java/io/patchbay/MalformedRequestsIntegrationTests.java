package io.patchbay;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz-style sweep: a few hundred malformed requests (odd paths, ids, methods, bodies,
 * content types, parameters) against the Graph API and the admin API. None may answer a
 * 5xx, and each answers in its API's error format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MalformedRequestsIntegrationTests {

	private static final String[] PATHS = { "/graph/me", "/graph/v19.0/me", "/graph/", "/graph/v1/", "/graph/%00",
			"/graph/123", "/graph/123_456", "/graph/t_1", "/graph/m_1/x/y/z", "/graph/me/messages",
			"/graph/me?fields=%7B%7D", "/graph/me?fields=a.b(c", "/graph/me?fields=id&fields=name",
			"/graph/me?limit=-1", "/graph/me?limit=abc", "/graph/me?appsecret_time=abc&appsecret_proof=x",
			"/graph/me?appsecret_proof=%FF", "/graph/app/subscriptions", "/graph/community/members?limit=99999999999",
			"/graph/community", "/graph/community/groups", "/graph/community/security_logs",
			"/graph/community/members?after=%FF%FE", "/graph/123/feed?since=abc&until=-1", "/graph/123_456/comments",
			"/graph/1_/likes", "/graph/_1/reactions", "/graph/123/members/abc", "/graph/123/managers",
			"/graph/a@b/reports", "/graph/?ids=,,,", "/graph/?ids=1,a@b,1_2", "/graph/1?fields=comments.limit(x)",
			"/graph/123?fields=from%7Bid,x%7D", "/graph/..%2F..%2Fetc%2Fpasswd", "/api/admin/integrations/-1",
			"/api/admin/integrations/99999999999999999999", "/api/admin/integrations/abc/logo",
			"/api/admin/integrations/1/permissions", "/api/admin/integrations/1/security",
			"/api/admin/integrations/1/access-token", "/api/admin/audit?limit=abc", "/api/admin/audit?limit=-5",
			"/api/admin/integrations" };

	private static final String[] METHODS = { "GET", "POST", "PUT", "PATCH", "DELETE" };

	private static final String[] BODIES = { "", "{", "[]", "null", "{\"name\": 5}", "{\"name\": {\"a\": 1}}",
			"{\"permissions\": \"read_group\"}", "{\"allowedIps\": [1, 2]}", "{\"groupAccess\": {\"x\": 1}}",
			"{\"message\": \"\\u0000\"}", "\u00ff\u00fe", "name=x&kind=BOT", "{\"enabled\": \"maybe\"}" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/x-www-form-urlencoded",
			"text/plain", "multipart/form-data; boundary=x", "application/xml" };

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Test
	void noMalformedRequestGetsA5xx() throws Exception {
		String token = tokenOfANewIntegration();
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((AdminApi.EMAIL + ":" + AdminApi.PASSWORD).getBytes(StandardCharsets.UTF_8));
		Random random = new Random(42);
		HttpClient http = HttpClient.newHttpClient();
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			String path = PATHS[random.nextInt(PATHS.length)];
			String method = METHODS[random.nextInt(METHODS.length)];
			String body = BODIES[random.nextInt(BODIES.length)];
			String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
			boolean graph = path.startsWith("/graph");
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.header("Content-Type", contentType)
				.header("Authorization", graph ? "Bearer " + token : basic);
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String described = method + " " + path + " [" + contentType + "] " + body + " -> " + response.statusCode()
					+ " " + response.body();
			if (response.statusCode() >= 500) {
				failures.add(described);
			}
			else if (response.statusCode() >= 400 && graph && !response.body().contains("\"error\"")) {
				failures.add("not a Graph error envelope: " + described);
			}
			else if (response.statusCode() >= 400 && !graph && response.statusCode() != 405
					&& !response.headers().firstValue("Content-Type").orElse("").contains("problem+json")) {
				failures.add("not a problem detail: " + described);
			}
		}
		assertThat(failures).isEmpty();
	}

	private String tokenOfANewIntegration() {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		String id = (String) admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Fuzzed " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		// Every permission, so that malformed requests get past the permission checks and
		// reach the parsing of ids, fields and parameters.
		admin.put()
			.uri("/api/admin/integrations/{id}/permissions", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions",
					java.util.Arrays.stream(io.patchbay.integrations.Permission.values())
						.map(io.patchbay.integrations.Permission::apiName)
						.toList(),
					"groupAccess", "ALL"))
			.exchange()
			.expectStatus()
			.isOk();
		return (String) admin.post()
			.uri("/api/admin/integrations/{id}/access-token", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
	}

}
