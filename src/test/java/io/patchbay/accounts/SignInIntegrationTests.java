package io.patchbay.accounts;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Sign-in through HTTP Basic and the console's form: throttling after 10 failures, and
 * CSRF protection of session-based changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SignInIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Members members;

	@Test
	void tenFailuresLockTheAccountOutEvenWithTheRightPassword() {
		String email = "throttled-" + System.nanoTime() + "@example.com";
		this.members.createAdministrator(email, "Throttled", "the-right-password",
				EnumSet.of(AdminPermission.VIEW_AUDIT_LOG));
		asUser(email, "the-right-password").get().uri("/api/admin/audit").exchange().expectStatus().isOk();
		for (int i = 0; i < 10; i++) {
			asUser(email, "wrong-password-" + i).get()
				.uri("/api/admin/audit")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		asUser(email, "the-right-password").get()
			.uri("/api/admin/audit")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> org.assertj.core.api.Assertions.assertThat(detail).contains("wait"));
	}

	@Test
	void aSessionWithoutItsCsrfTokenCannotChangeAnything() {
		var page = this.client.get().uri("/login").exchange().expectStatus().isOk().returnResult(String.class);
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie");
		org.assertj.core.api.Assertions.assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		this.client.post()
			.uri("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Cookie", cookie.split(";")[0])
			.body("email=admin@example.com&password=correct-horse-battery-staple")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void wrongPasswordsOnTheFormGoBackToTheSignInPage() {
		this.client.get()
			.uri("/console")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> org.assertj.core.api.Assertions.assertThat(location).endsWith("/login"));
	}

	private RestTestClient asUser(String email, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build();
	}

}
