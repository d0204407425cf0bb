package io.patchbay.webhooks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import io.patchbay.accounts.Actor;
import io.patchbay.integrations.GroupAccess;
import io.patchbay.integrations.Permission;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Creates integrations and subscriptions through the admin API, with a WireMock receiver
 * that passes the handshake.
 */
record WebhookTestSupport(RestTestClient admin, WireMockServer receiver) {

	/**
	 * An integration's page that may post in every group, as the Graph API would call.
	 */
	static final Actor.Page SOMEONE = new Actor.Page(1, 1, "Someone", Set.of(Permission.WRITE_GROUP), GroupAccess.ALL);

	static WebhookTestSupport of(RestTestClient client, WireMockServer receiver) {
		return new WebhookTestSupport(AdminApi.asAdministrator(client), receiver);
	}

	/** Answers the handshake at {@code path} by echoing the challenge. */
	void acceptHandshakes(String path) {
		this.receiver.stubFor(get(urlPathEqualTo(path))
			.willReturn(aResponse().withStatus(200).withBody("{{request.query.[hub.challenge]}}")));
	}

	Map<?, ?> integration(List<String> permissions) {
		Map<?, ?> created = this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Hooked " + System.nanoTime(), "kind", "CUSTOM"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", permissions))
			.exchange()
			.expectStatus()
			.isOk();
		return created;
	}

	RestTestClient.ResponseSpec subscribe(Object integrationId, String topic, String path, List<String> fields) {
		return this.admin.put()
			.uri("/api/admin/integrations/{id}/webhooks/{topic}", integrationId, topic)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", this.receiver.baseUrl() + path, "verifyToken", "s3cret-verify", "fields",
					fields))
			.exchange();
	}

	String appSecret(Object integrationId) {
		return (String) this.admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", integrationId)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
	}

}
