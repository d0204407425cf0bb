package io.patchbay.chat.web;

import java.util.Map;

import io.patchbay.AdminApi;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A member calling the member API with HTTP Basic, created through the admin API.
 */
record ChatMember(RestTestClient client, String id, String email, String password) {

	static ChatMember create(RestTestClient anonymous, String name) {
		String email = name.toLowerCase() + "-" + System.nanoTime() + "@example.com";
		String password = "long-enough-password-" + System.nanoTime();
		String id = (String) AdminApi.asAdministrator(anonymous)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", name, "password", password))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ChatBot.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		RestTestClient client = anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(email, password))
			.build();
		return new ChatMember(client, id, email, password);
	}

	RestTestClient.ResponseSpec get(String uri) {
		return this.client.get().uri(uri).exchange();
	}

	RestTestClient.ResponseSpec post(String uri, Map<String, Object> body, int status) {
		RestTestClient.ResponseSpec response = this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
		response.expectStatus().isEqualTo(status);
		return response;
	}

	Map<String, Object> json(RestTestClient.ResponseSpec response) {
		return response.expectBody(ChatBot.JSON).returnResult().getResponseBody();
	}

}
