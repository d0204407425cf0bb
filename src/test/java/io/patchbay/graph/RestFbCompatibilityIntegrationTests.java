package io.patchbay.graph;

import java.util.Map;

import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.types.Page;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RestFB, a real Workplace Graph client, works against Patchbay by changing only its base
 * URL, with {@code appsecret_proof} on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RestFbCompatibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	RestTestClient admin;

	String id;

	String pageId;

	FacebookClient facebook;

	@BeforeEach
	void connectRestFb() {
		this.admin = AdminApi.asAdministrator(this.client);
		Map<?, ?> created = this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "RestFB bot " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.id = (String) created.get("id");
		this.pageId = (String) created.get("pageId");
		String token = (String) this.admin.post()
			.uri("/api/admin/integrations/{id}/access-token", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		String appSecret = (String) this.admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
		this.admin.put()
			.uri("/api/admin/integrations/{id}/security", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("requireAppSecretProof", true))
			.exchange()
			.expectStatus()
			.isOk();
		DefaultFacebookClient restFb = new DefaultFacebookClient(token, appSecret, Version.VERSION_19_0);
		String base = "http://localhost:" + this.port + "/graph";
		restFb.setFacebookEndpointUrls(new FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return base;
			}

			@Override
			public String getGraphVideoEndpoint() {
				return base;
			}
		});
		this.facebook = restFb;
	}

	@Test
	void readsMeWithProof() {
		Page me = this.facebook.fetchObject("me", Page.class, Parameter.withFields("id,name,category"));

		assertThat(me.getId()).isEqualTo(this.pageId);
		assertThat(me.getName()).startsWith("RestFB bot");
		assertThat(me.getCategory()).isEqualTo("Bot");
	}

	@Test
	void surfacesGraphErrorsAsRestFbExceptions() {
		this.admin.patch()
			.uri("/api/admin/integrations/{id}", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", false))
			.exchange()
			.expectStatus()
			.isOk();

		assertThatExceptionOfType(FacebookOAuthException.class)
			.isThrownBy(() -> this.facebook.fetchObject("me", Page.class))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(190);
				assertThat(ex.getErrorSubcode()).isEqualTo(458);
			});
	}

}
