package io.patchbay;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The admin API as the bootstrap administrator of the test configuration calls it.
 */
public final class AdminApi {

	public static final String EMAIL = "admin@example.com";

	public static final String PASSWORD = "correct-horse-battery-staple";

	private AdminApi() {
	}

	public static RestTestClient asAdministrator(RestTestClient client) {
		return client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(EMAIL, PASSWORD)).build();
	}

	/** Adds the members to the group, as the admin API does. */
	public static void addToGroup(int port, Object groupId, Object... memberIds) {
		asAdministrator(TestClients.withoutCookies(port)).post()
			.uri("/api/admin/groups/{id}/members", groupId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", java.util.List.of(memberIds)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * POSTs the JSON body as the administrator to the server on {@code port}, expects it
	 * created, and answers what came back.
	 */
	public static Map<?, ?> create(int port, String path, Map<String, ?> body) {
		return asAdministrator(TestClients.withoutCookies(port)).post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
