package io.patchbay.accounts.web;

import java.util.Map;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens on the member API: made with the member's password, shown once,
 * listed without the secret, accepted as {@code Bearer} on {@code /api/v1} only, and
 * ended by revocation or by the member's deactivation (for good: reactivation does not
 * bring them back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PersonalTokenIntegrationTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	RestTestClient admin;

	RestTestClient member;

	RestTestClient anonymous;

	String memberId;

	@BeforeEach
	void createMember() {
		this.admin = AdminApi.asAdministrator(this.client);
		String email = "tokens-" + System.nanoTime() + "@example.com";
		this.memberId = (String) this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", "Tess Token", "password", "a-token-password-1"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.anonymous = TestClients.withoutCookies(this.port);
		this.member = this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(email, "a-token-password-1"))
			.build();
	}

	@Test
	void aTokenStandsForItsMemberOnTheMemberApiUntilRevoked() {
		Map<String, Object> created = create("deploy script");
		String token = (String) created.get("token");
		assertThat(token).startsWith("pbm_").hasSizeGreaterThan(40);
		this.member.get()
			.uri("/api/v1/me/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((list) -> assertThat(list).contains("deploy script")
				.doesNotContain(token)
				.doesNotContain("\"token\""));

		bearer(token, "/api/v1/me").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(this.memberId);
		bearer(token, "/api/admin/members").expectStatus().isUnauthorized();
		bearer("pbm_not-a-token", "/api/v1/me").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		this.member.delete().uri("/api/v1/me/tokens/{id}", created.get("id")).exchange().expectStatus().isNoContent();
		bearer(token, "/api/v1/me").expectStatus().isUnauthorized();
		this.member.delete().uri("/api/v1/me/tokens/{id}", created.get("id")).exchange().expectStatus().isNotFound();
		this.member.post()
			.uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", " "))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void deactivationEndsTheMembersTokensForGood() {
		String token = (String) create("cron").get("token");
		bearer(token, "/api/v1/groups").expectStatus().isOk();
		this.admin.post().uri("/api/admin/members/{id}/deactivate", this.memberId).exchange().expectStatus().isOk();
		bearer(token, "/api/v1/groups").expectStatus().isUnauthorized();
		this.admin.post().uri("/api/admin/members/{id}/reactivate", this.memberId).exchange().expectStatus().isOk();
		bearer(token, "/api/v1/groups").expectStatus().isUnauthorized();
	}

	private Map<String, Object> create(String name) {
		return this.member.post()
			.uri("/api/v1/me/tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec bearer(String token, String uri) {
		return this.anonymous.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
	}

}
