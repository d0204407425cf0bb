package io.patchbay.accounts.web;

import java.util.Map;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/me/password}: a member changes their password, which ends their
 * other sessions and keeps the one they used; sessions also end for good when the account
 * is deactivated, even if it is reactivated before they are used again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PasswordChangeIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String OLD = "the-first-long-password";

	private static final String NEW = "a-second-long-password";

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	RestTestClient admin;

	@BeforeEach
	void clients() {
		this.anonymous = TestClients.withoutCookies(this.port);
		this.admin = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() {
		String email = member();
		Sessions.Session laptop = Sessions.signIn(this.anonymous, email, OLD);
		Sessions.Session phone = Sessions.signIn(this.anonymous, email, OLD);
		me(phone).expectStatus().isOk();

		String renewed = change(laptop.client(this.anonymous), OLD, NEW).expectStatus()
			.isNoContent()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getFirst("Set-Cookie");
		assertThat(renewed).as("a new session id for the session that goes on").isNotNull();
		laptop = new Sessions.Session(renewed.split(";")[0], laptop.csrf());
		me(laptop).expectStatus().isOk();
		laptop.client(this.anonymous).get().uri("/app").exchange().expectStatus().isOk();
		me(phone).expectStatus().isUnauthorized();
		this.anonymous.get().uri("/app").header("Cookie", phone.cookie()).exchange().expectStatus().is3xxRedirection();
		basic(email, OLD).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		basic(email, NEW).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		Sessions.signIn(this.anonymous, email, NEW);
		String audit = this.admin.get()
			.uri("/api/admin/audit?limit=20")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit).contains("member.password_changed").doesNotContain(OLD).doesNotContain(NEW);
	}

	@Test
	void aWrongCurrentPasswordOrAWeakOrOverlongNewOneIsRefusedNamingTheField() {
		String email = member();
		RestTestClient member = basic(email, OLD);
		expectProblem(change(member, "not-the-password", NEW), "currentPassword");
		expectProblem(change(member, OLD, "short"), "newPassword");
		expectProblem(change(member, OLD, "password1234"), "newPassword");
		// bcrypt reads only 72 bytes: a longer password would be cut without notice.
		expectProblem(change(member, OLD, "abcé".repeat(15)), "newPassword");
		expectProblem(change(member, OLD, "abcd".repeat(18) + "e"), "newPassword");
		expectProblem(member.post()
			.uri("/api/v1/me/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", OLD))
			.exchange(), "newPassword");
		basic(email, OLD).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		change(member, OLD, "abcd".repeat(18)).expectStatus().isNoContent();
		basic(email, "abcd".repeat(18)).get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void sessionsEndedByDeactivationStayEndedAfterReactivation() {
		String email = member();
		Sessions.Session idle = Sessions.signIn(this.anonymous, email, OLD);
		Object id = this.admin.get()
			.uri("/api/admin/members?query=" + email)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("data");
		String memberId = (String) ((Map<?, ?>) ((java.util.List<?>) id).getFirst()).get("id");
		this.admin.post().uri("/api/admin/members/{id}/deactivate", memberId).exchange().expectStatus().isOk();
		this.admin.post().uri("/api/admin/members/{id}/reactivate", memberId).exchange().expectStatus().isOk();
		me(idle).expectStatus().isUnauthorized();
		basic(email, OLD).get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	private String member() {
		String email = "pw-" + System.nanoTime() + "@example.com";
		this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", "Changing Member", "password", OLD))
			.exchange()
			.expectStatus()
			.isCreated();
		return email;
	}

	private RestTestClient.ResponseSpec me(Sessions.Session session) {
		return session.client(this.anonymous).get().uri("/api/v1/me").exchange();
	}

	private static RestTestClient.ResponseSpec change(RestTestClient member, String current, String next) {
		return member.post()
			.uri("/api/v1/me/password")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("currentPassword", current, "newPassword", next))
			.exchange();
	}

	private RestTestClient basic(String email, String password) {
		return this.anonymous.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, String field) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

}
