package io.patchbay.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patchbay.AdminApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through HTTP Basic and the console's form: throttling after 10 failures per
 * account and per client address (resolved through the trusted proxies, which in the
 * tests are this machine), one answer for every failure, and CSRF protection of
 * session-based changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SignInIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	RestTestClient client;

	@Autowired
	Members members;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void tenFailuresLockTheAccountOutEvenWithTheRightPassword() {
		String email = administrator();
		String address = address();
		asUser(email, "the-right-password", address).get().uri("/api/admin/audit").exchange().expectStatus().isOk();
		for (int i = 0; i < 10; i++) {
			asUser(email, "wrong-password-" + i, address).get()
				.uri("/api/admin/audit")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		asUser(email, "the-right-password", address()).get()
			.uri("/api/admin/audit")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("wait"));
	}

	@Test
	void parallelGuessesGetNoMoreThanTheTenAttemptsAllowed() throws Exception {
		String email = administrator();
		List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			guesses.add(this.http.sendAsync(basic("/api/v1/me", email, "parallel-guess-" + i, address()).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		int tried = 0;
		for (CompletableFuture<HttpResponse<String>> guess : guesses) {
			HttpResponse<String> answer = guess.get();
			assertThat(answer.statusCode()).isEqualTo(401);
			if (!answer.body().contains("wait")) {
				tried++;
			}
		}
		assertThat(tried).as("password checks made").isLessThanOrEqualTo(10);
	}

	@Test
	void aClientAddressIsThrottledByTheAddressTheProxyReportsNotByTheProxys() {
		String address = address();
		for (int i = 0; i < 10; i++) {
			asUser("nobody-" + System.nanoTime() + "@example.com", "some-wrong-password", address).get()
				.uri("/api/v1/me")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		String email = administrator();
		asUser(email, "the-right-password", address).get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("wait"));
		// Everyone else behind the same proxy still signs in.
		asUser(email, "the-right-password", address()).get().uri("/api/v1/me").exchange().expectStatus().isOk();
		AdminApi.asAdministrator(this.client).get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void everyFailureGetsTheSameAnswerAndTheSamePasswordWork() throws Exception {
		String wrong = administrator();
		String deactivated = administrator();
		this.members.findByEmail(deactivated)
			.ifPresent((member) -> AdminApi.asAdministrator(this.client)
				.post()
				.uri("/api/admin/members/{id}/deactivate", member.id())
				.exchange()
				.expectStatus()
				.isOk());
		String unclaimed = "unclaimed-" + System.nanoTime() + "@example.com";
		AdminApi.asAdministrator(this.client)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", unclaimed, "name", "Not Yet"))
			.exchange()
			.expectStatus()
			.isCreated();
		String unknown = "unknown-" + System.nanoTime() + "@example.com";

		Map<String, Long> fastest = new java.util.LinkedHashMap<>();
		String answer = null;
		for (String[] attempt : new String[][] { { wrong, "not-the-password" }, { unknown, "the-right-password" },
				{ unclaimed, "the-right-password" }, { deactivated, "the-right-password" } }) {
			long best = Long.MAX_VALUE;
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				HttpResponse<String> response = this.http.send(
						basic("/api/v1/me", attempt[0], attempt[1], address()).build(),
						HttpResponse.BodyHandlers.ofString());
				best = Math.min(best, System.nanoTime() - start);
				assertThat(response.statusCode()).isEqualTo(401);
				assertThat(response.body()).doesNotContainIgnoringCase("disabled")
					.doesNotContainIgnoringCase("bad credentials");
				if (answer == null) {
					answer = response.body();
				}
				assertThat(response.body()).as(attempt[0]).isEqualTo(answer);
			}
			fastest.put(attempt[0], best);
		}
		// One bcrypt comparison (tens of milliseconds) for each: an account that skips it
		// answers several times faster.
		long reference = fastest.get(wrong);
		assertThat(fastest.values()).allSatisfy((nanos) -> assertThat(nanos).isGreaterThan(reference / 3));
	}

	@Test
	void aHugePasswordIsAWrongPasswordNotAnError() throws Exception {
		String email = administrator();
		HttpResponse<String> basic = this.http.send(basic("/api/v1/me", email, "x".repeat(5000), address()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(basic.statusCode()).isEqualTo(401);
		// bcrypt reads 72 bytes and no more: what follows them must still count.
		String longest = "signin-longest-" + System.nanoTime() + "@example.com";
		this.members.createAdministrator(longest, "Longest", "abcd".repeat(18),
				EnumSet.of(AdminPermission.VIEW_AUDIT_LOG));
		assertThat(this.http
			.send(basic("/api/v1/me", longest, "abcd".repeat(18), address()).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
		assertThat(this.http
			.send(basic("/api/v1/me", longest, "abcd".repeat(18) + "-and-more", address()).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);

		HttpResponse<String> page = this.http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> form = this.http.send(request("/login").header("Cookie", cookie)
			.header("X-Forwarded-For", address())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
					+ "&password=" + "y".repeat(100_000) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(form.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void theAuditLogNamesTheNearestUntrustedAddressOfEveryForwardedForLine() throws Exception {
		String name = "Forwarded " + System.nanoTime();
		HttpResponse<String> created = this.http
			.send(basic("/api/admin/members", AdminApi.EMAIL, AdminApi.PASSWORD, "198.51.100.1")
				.header("X-Forwarded-For", "203.0.113.60, 127.0.0.1")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"email\":\"fwd-" + System.nanoTime() + "@example.com\",\"name\":\"" + name + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		AdminApi.asAdministrator(this.client)
			.get()
			.uri("/api/admin/audit?limit=50")
			.exchange()
			.expectBody()
			.jsonPath("$.data[?(@.objectName == '" + name + "')].ip")
			.isEqualTo(List.of("203.0.113.60"));
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
	void aThrottledFormSignInSaysHowLongToWait() throws Exception {
		String email = administrator();
		String address = address();
		for (int i = 0; i <= 10; i++) {
			HttpResponse<String> page = this.http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			assertThat(csrf.find()).isTrue();
			HttpResponse<String> form = this.http.send(request("/login")
				.header("Cookie", page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
				.header("X-Forwarded-For", address)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
						+ "&password=wrong-password-" + i + "&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(form.headers().firstValue("Location").orElseThrow())
				.endsWith((i < 10) ? "/login?error" : "/login?throttled");
		}
		HttpResponse<String> throttled = this.http.send(request("/login?throttled").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(throttled.body()).contains("wait 15 minutes");
	}

	@Test
	void pagesSendAnonymousVisitorsToSignIn() throws Exception {
		HttpResponse<String> console = this.http.send(request("/console/integrations").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	private String administrator() {
		String email = "signin-" + System.nanoTime() + "@example.com";
		this.members.createAdministrator(email, "Signing In", "the-right-password",
				EnumSet.of(AdminPermission.VIEW_AUDIT_LOG));
		return email;
	}

	/** A client address of the benchmarking range 198.18.0.0/15, new for each call. */
	private static String address() {
		int n = addresses.incrementAndGet();
		return "198.18." + (n / 250) + "." + (1 + n % 250);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	private HttpRequest.Builder basic(String path, String email, String password, String address) {
		return request(path).header("X-Forwarded-For", address)
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private RestTestClient asUser(String email, String password, String address) {
		return this.client.mutate().defaultHeaders((headers) -> {
			headers.setBasicAuth(email, password);
			headers.set("X-Forwarded-For", address);
		}).build();
	}

}
