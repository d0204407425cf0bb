package io.patchbay.accounts;

import java.util.EnumSet;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

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

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
			.value(String.class, (detail) -> assertThat(detail).contains("wait"));
	}

	@Test
	void aSessionWithoutItsCsrfTokenCannotSignInOrChangeAnything() throws Exception {
		HttpResponse<String> page = this.http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

		HttpResponse<String> withoutToken = this.http.send(request("/login").header("Cookie", cookie.split(";")[0])
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=admin@example.com&password=correct-horse-battery-staple"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
	}

	@Test
	void pagesSendAnonymousVisitorsToSignIn() throws Exception {
		HttpResponse<String> console = this.http.send(request("/console/integrations").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private RestTestClient asUser(String email, String password) {
		return this.client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build();
	}

}
