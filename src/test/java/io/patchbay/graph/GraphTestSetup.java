package io.patchbay.graph;

import java.util.List;
import java.util.Map;

import io.patchbay.AdminApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the Graph endpoint tests set up through the admin API: an integration with a token
 * and chosen permissions, members, groups.
 */
public final class GraphTestSetup {

	public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	public final RestTestClient client;

	public final RestTestClient admin;

	public final String id;

	public final String pageId;

	public final String token;

	public final String name;

	public GraphTestSetup(RestTestClient client, String kind) {
		this.client = client;
		this.admin = AdminApi.asAdministrator(client);
		Map<String, Object> created = this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Graph " + unique(), "kind", kind))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		this.id = (String) created.get("id");
		this.name = (String) created.get("name");
		this.pageId = (String) created.get("pageId");
		this.token = (String) this.admin.post()
			.uri("/api/admin/integrations/{id}/access-token", this.id)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
	}

	public static String unique() {
		return Long.toString(System.nanoTime(), 36);
	}

	public void permissions(Object groupAccess, String... permissions) {
		this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of(permissions), "groupAccess", groupAccess))
			.exchange()
			.expectStatus()
			.isOk();
	}

	public void permissions(String... permissions) {
		permissions("ALL", permissions);
	}

	public String member(String name, Map<String, Object> profile) {
		Map<String, Object> body = new java.util.HashMap<>(profile);
		body.put("email", name.toLowerCase() + "-" + unique() + "@example.com");
		body.put("name", name);
		body.put("password", "long-enough-password-" + unique());
		return (String) this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	public String group(String name, String privacy, String... memberIds) {
		String group = (String) this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " " + unique(), "description", "For tests", "privacy", privacy))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		if (memberIds.length > 0) {
			this.admin.post()
				.uri("/api/admin/groups/{id}/members", group)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("memberIds", List.of(memberIds)))
				.exchange()
				.expectStatus()
				.isOk();
		}
		return group;
	}

	public RestTestClient.ResponseSpec get(String uri, Object... variables) {
		return this.client.get().uri(uri, variables).header("Authorization", "Bearer " + this.token).exchange();
	}

	/**
	 * A GET whose query holds Graph's braces ({@code from{id,name}}), sent as written.
	 */
	RestTestClient.ResponseSpec getRaw(String uri) {
		return this.client.get()
			.uri(java.net.URI.create(uri.replace("{", "%7B").replace("}", "%7D")))
			.header("Authorization", "Bearer " + this.token)
			.exchange();
	}

	RestTestClient.ResponseSpec post(String uri, Map<String, Object> body, Object... variables) {
		return this.client.post()
			.uri(uri, variables)
			.header("Authorization", "Bearer " + this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	RestTestClient.ResponseSpec delete(String uri, Object... variables) {
		return this.client.delete().uri(uri, variables).header("Authorization", "Bearer " + this.token).exchange();
	}

	Map<String, Object> json(RestTestClient.ResponseSpec response) {
		return response.expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
	}

	static void expectError(RestTestClient.ResponseSpec response, int status, int code, Integer subcode) {
		var body = response.expectStatus().isEqualTo(status).expectBody();
		body.jsonPath("$.error.code").isEqualTo(code);
		body.jsonPath("$.error.fbtrace_id").isNotEmpty();
		if (subcode != null) {
			body.jsonPath("$.error.error_subcode").isEqualTo(subcode);
		}
	}

}
