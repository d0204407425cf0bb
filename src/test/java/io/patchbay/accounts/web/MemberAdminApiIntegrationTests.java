package io.patchbay.accounts.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patchbay.AdminApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members rows of the admin API, the invitation page and the end of a deactivated
 * member's access, against the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MemberAdminApiIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	@Autowired
	JdbcClient jdbc;

	RestTestClient admin;

	@BeforeEach
	void signIn() {
		this.anonymous = io.patchbay.TestClients.withoutCookies(this.port);
		this.admin = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	void createsAMemberWithAPasswordInDevModeWhoSignsInToTheMemberApi() {
		String email = unique() + "@example.com";
		Map<String, Object> created = create(Map.of("email", email, "name", "Ada Lovelace", "title", "Engineer",
				"department", "R&D", "externalId", "ext-" + unique(), "password", "analytical-engine-1843"));
		assertThat(created).containsEntry("email", email)
			.containsEntry("title", "Engineer")
			.containsEntry("active", true)
			.doesNotContainKeys("inviteUrl", "password", "passwordHash");
		assertThat((String) created.get("id")).matches("\\d{15,19}");
		member(email, "analytical-engine-1843").get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(created.get("id"))
			.jsonPath("$.name")
			.isEqualTo("Ada Lovelace");
		// A member without admin permissions cannot use the admin API.
		member(email, "analytical-engine-1843").get().uri("/api/admin/members").exchange().expectStatus().isForbidden();
	}

	@Test
	void listsFindsAndEditsMembersWithKeysetPaging() {
		String tag = unique();
		for (int i = 0; i < 3; i++) {
			create(Map.of("email", tag + "-" + i + "@example.com", "name", "Paged " + tag + " " + i));
		}
		Map<String, Object> first = list("/api/admin/members?query=" + tag + "&limit=2");
		assertThat((List<?>) first.get("data")).hasSize(2);
		assertThat(first).containsKey("nextCursor");
		Map<String, Object> second = list(
				"/api/admin/members?query=" + tag + "&limit=2&after=" + first.get("nextCursor"));
		assertThat((List<?>) second.get("data")).hasSize(1);
		assertThat(second).doesNotContainKey("nextCursor");

		@SuppressWarnings("unchecked")
		String id = (String) ((Map<String, Object>) ((List<?>) first.get("data")).getFirst()).get("id");
		this.admin.patch()
			.uri("/api/admin/members/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Director", "locale", "fr_FR"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Director")
			.jsonPath("$.locale")
			.isEqualTo("fr_FR")
			.jsonPath("$.name")
			.isEqualTo("Paged " + tag + " 0");
	}

	@Test
	void refusesBadInputWithProblemDetailsNamingTheField() {
		String email = unique() + "@example.com";
		create(Map.of("email", email, "name", "First"));
		expectProblem(post(Map.of("email", email.toUpperCase(), "name", "Second")), 409, "email");
		expectProblem(post(Map.of("name", "No email")), 400, "email");
		expectProblem(post(Map.of("email", "not-an-address", "name", "X")), 400, "email");
		expectProblem(post(Map.of("email", unique() + "@example.com")), 400, "name");
		expectProblem(post(Map.of("email", unique() + "@example.com", "name", "X", "password", "short")), 400,
				"password");
		expectProblem(post(Map.of("email", unique() + "@example.com", "name", "X", "password", "password1234")), 400,
				"password");
		expectProblem(post(Map.of("email", unique() + "@example.com", "name", "X", "managerId", "123456789")), 400,
				"managerId");
		expectProblem(post(Map.of("email", unique() + "@example.com", "name", "X", "locale", "not a locale")), 400,
				"locale");
		this.admin.get().uri("/api/admin/members/424242").exchange().expectStatus().isNotFound();
		this.admin.get().uri("/api/admin/members/nope").exchange().expectStatus().isNotFound();
		expectProblem(this.admin.put()
			.uri("/api/admin/members/{id}/admin-permissions",
					create(Map.of("email", unique() + "@example.com", "name", "P")).get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("launch_rockets")))
			.exchange(), 400, "permissions");
	}

	@Test
	void anInvitationIsClaimedOnceThroughItsPageAndSignsTheMemberIn() {
		String email = unique() + "@example.com";
		Map<String, Object> created = create(Map.of("email", email, "name", "Invited Member"));
		String inviteUrl = (String) created.get("inviteUrl");
		assertThat(inviteUrl).matches("http://localhost:\\d+/invitations/[A-Za-z0-9_-]{43}");
		assertThat(created.get("invitedAt")).isNotNull();
		assertThat(created.get("claimedAt")).isNull();
		String path = inviteUrl.substring(inviteUrl.indexOf("/invitations/"));
		// The token never shows again, not even to administrators.
		this.admin.get()
			.uri("/api/admin/members/{id}", created.get("id"))
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).doesNotContain(path.substring(13)));

		String session = claim(path, "a-fresh-long-password", "a-fresh-long-password");
		withSession(session).get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.claimedAt")
			.exists();
		this.anonymous.get().uri(path).exchange().expectStatus().isNotFound();
		member(email, "a-fresh-long-password").get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	@Test
	void aNewInvitationReplacesTheOldOneAndLinksExpireAfter14Days() {
		Map<String, Object> created = create(Map.of("email", unique() + "@example.com", "name", "Slow Reader"));
		String first = ((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", "");
		String second = ((String) this.admin.post()
			.uri("/api/admin/members/{id}/invitation", created.get("id"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("inviteUrl")).replaceFirst("^http://[^/]+", "");
		this.anonymous.get().uri(first).exchange().expectStatus().isNotFound();
		this.anonymous.get().uri(second).exchange().expectStatus().isOk();
		this.jdbc.sql("UPDATE invitation SET expires_at = ? WHERE member_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), Long.parseLong((String) created.get("id")))
			.update();
		this.anonymous.get().uri(second).exchange().expectStatus().isNotFound();
	}

	@Test
	void weakOrMismatchedPasswordsKeepTheInvitationOpen() {
		Map<String, Object> created = create(Map.of("email", unique() + "@example.com", "name", "Careful"));
		String path = ((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", "");
		EntityExchangeResult<String> page = this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		this.anonymous.post()
			.uri(path)
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("password=qwerty123456&confirmation=qwerty123456&_csrf=" + csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		this.anonymous.get().uri(path).exchange().expectStatus().isOk();
	}

	@Test
	void aPasswordOverTheSeventyTwoBytesBcryptReadsIsRefusedNamingIt() {
		String overlong = "abcd".repeat(18) + "e";
		expectProblem(post(Map.of("email", unique() + "@example.com", "name", "X", "password", overlong)), 400,
				"password");
		Map<String, Object> created = create(Map.of("email", unique() + "@example.com", "name", "Verbose"));
		String path = ((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", "");
		EntityExchangeResult<String> page = this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		this.anonymous.post()
			.uri(path)
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("password=" + overlong + "&confirmation=" + overlong + "&_csrf=" + csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("72 bytes"));
		claim(path, "abcd".repeat(18), "abcd".repeat(18));
	}

	@Test
	void aDeactivatedMemberCannotSignInAndTheirOpenSessionEnds() {
		String email = unique() + "@example.com";
		Map<String, Object> created = create(Map.of("email", email, "name", "Leaving Soon"));
		String path = ((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", "");
		String session = claim(path, "leaving-soon-password", "leaving-soon-password");
		withSession(session).get().uri("/api/v1/me").exchange().expectStatus().isOk();

		this.admin.post()
			.uri("/api/admin/members/{id}/deactivate", created.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		withSession(session).get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		withSession(session).get().uri("/app").exchange().expectStatus().is3xxRedirection();
		member(email, "leaving-soon-password").get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
		assertThat(list("/api/admin/members?active=false&query=" + email).get("data").toString()).contains(email);

		this.admin.post().uri("/api/admin/members/{id}/reactivate", created.get("id")).exchange().expectStatus().isOk();
		member(email, "leaving-soon-password").get().uri("/api/v1/me").exchange().expectStatus().isOk();
		String audit = this.admin.get()
			.uri("/api/admin/audit?limit=50")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit).contains("member.deactivated", "member.reactivated", "member.claimed")
			.doesNotContain("leaving-soon-password");
	}

	@Test
	void grantsAndRemovesAdminPermissions() {
		String email = unique() + "@example.com";
		Map<String, Object> created = create(
				Map.of("email", email, "name", "Future Admin", "password", "future-admin-password"));
		this.admin.put()
			.uri("/api/admin/members/{id}/admin-permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("view_audit_log")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.adminPermissions")
			.isEqualTo(List.of("view_audit_log"));
		member(email, "future-admin-password").get().uri("/api/admin/audit").exchange().expectStatus().isOk();
		this.admin.put()
			.uri("/api/admin/members/{id}/admin-permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of()))
			.exchange()
			.expectStatus()
			.isOk();
		member(email, "future-admin-password").get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
	}

	@Test
	void changedAdminPermissionsApplyToAnOpenSessionAtOnce() {
		Map<String, Object> created = create(Map.of("email", unique() + "@example.com", "name", "Session Admin"));
		String session = claim(((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", ""),
				"session-admin-password", "session-admin-password");
		withSession(session).get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
		permissions(created.get("id"), List.of("view_audit_log"));
		withSession(session).get().uri("/api/admin/audit").exchange().expectStatus().isOk();
		permissions(created.get("id"), List.of());
		withSession(session).get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
		withSession(session).get().uri("/api/v1/me").exchange().expectStatus().isOk();
	}

	private void permissions(Object id, List<String> permissions) {
		this.admin.put()
			.uri("/api/admin/members/{id}/admin-permissions", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", permissions))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Claims an invitation through its page and answers the signed-in session cookie. */
	private String claim(String path, String password, String confirmation) {
		EntityExchangeResult<String> page = this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		EntityExchangeResult<Void> claimed = this.anonymous.post()
			.uri(path)
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("password=" + password + "&confirmation=" + confirmation + "&_csrf=" + csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.isEmpty();
		String session = claimed.getResponseHeaders().getFirst("Set-Cookie");
		assertThat(session).as("a new session after sign-in").isNotNull();
		return session.split(";")[0];
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
		return matcher.group(1);
	}

	private RestTestClient withSession(String cookie) {
		return this.anonymous.mutate().defaultHeader("Cookie", cookie).build();
	}

	private RestTestClient member(String email, String password) {
		return this.anonymous.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build();
	}

	private Map<String, Object> create(Map<String, Object> body) {
		return post(body).expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
		}).returnResult().getResponseBody();
	}

	private Map<String, Object> list(String uri) {
		return this.admin.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec post(Object body) {
		return this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, int status, String field) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

	private static String unique() {
		return "m" + System.nanoTime();
	}

}
