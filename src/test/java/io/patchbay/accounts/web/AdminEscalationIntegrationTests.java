package io.patchbay.accounts.web;

import java.util.List;
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
 * What an administrator holding only {@code manage_accounts} may not do: grant
 * permissions they do not hold (themself included), manage another administrator's
 * account, or take over a claimed account through a new invitation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class AdminEscalationIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final String PASSWORD = "limited-admin-password";

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	RestTestClient full;

	@BeforeEach
	void clients() {
		this.anonymous = TestClients.withoutCookies(this.port);
		this.full = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	void anAccountsAdministratorCannotGrantThemselfOrOthersWhatTheyDoNotHold() {
		Map<String, Object> limited = administrator(List.of("manage_accounts"));
		RestTestClient asLimited = basic(limited);
		expectProblem(permissions(asLimited, limited.get("id"), List.of("manage_accounts", "manage_integrations",
				"manage_connections", "manage_workflows", "view_audit_log")), 409, "own admin permissions");
		Map<String, Object> plain = member();
		expectProblem(permissions(asLimited, plain.get("id"), List.of("manage_integrations")), 403, "do not hold");
		permissions(asLimited, plain.get("id"), List.of("manage_accounts")).expectStatus().isOk();

		// Nothing changed for the limited administrator.
		this.full.get()
			.uri("/api/admin/members/{id}", limited.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.adminPermissions")
			.isEqualTo(List.of("manage_accounts"));
		basic(limited).get().uri("/api/admin/audit").exchange().expectStatus().isForbidden();
	}

	@Test
	void evenAFullAdministratorDoesNotChangeTheirOwnPermissions() {
		String me = (String) this.full.get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		// The same set again: a harmless request before the rule existed.
		expectProblem(permissions(this.full, me, List.of("manage_accounts", "manage_connections", "manage_integrations",
				"manage_workflows", "view_audit_log")), 409, "own admin permissions");
		expectProblem(this.full.post().uri("/api/admin/members/{id}/deactivate", me).exchange(), 409, "own account");
	}

	@Test
	void onlyAFullAdministratorManagesAnotherAdministratorsAccount() {
		RestTestClient asLimited = basic(administrator(List.of("manage_accounts")));
		Map<String, Object> auditor = administrator(List.of("view_audit_log"));
		Object id = auditor.get("id");
		expectProblem(asLimited.patch()
			.uri("/api/admin/members/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "taken-over-" + System.nanoTime() + "@example.com"))
			.exchange(), 403, "every admin permission");
		expectProblem(permissions(asLimited, id, List.of()), 403, "every admin permission");
		expectProblem(asLimited.post().uri("/api/admin/members/{id}/deactivate", id).exchange(), 403,
				"every admin permission");
		this.full.post().uri("/api/admin/members/{id}/deactivate", id).exchange().expectStatus().isOk();
		expectProblem(asLimited.post().uri("/api/admin/members/{id}/reactivate", id).exchange(), 403,
				"every admin permission");
		this.full.post().uri("/api/admin/members/{id}/reactivate", id).exchange().expectStatus().isOk();

		// An administrator not yet claimed cannot be invited by them either.
		Map<String, Object> invitedAdmin = create(this.full, Map.of("email", unique() + "@example.com", "name", "New"));
		permissions(this.full, invitedAdmin.get("id"), List.of("view_audit_log")).expectStatus().isOk();
		expectProblem(asLimited.post().uri("/api/admin/members/{id}/invitation", invitedAdmin.get("id")).exchange(),
				403, "every admin permission");
		this.full.post()
			.uri("/api/admin/members/{id}/invitation", invitedAdmin.get("id"))
			.exchange()
			.expectStatus()
			.isCreated();

		// Members without admin permissions stay theirs to manage.
		Map<String, Object> plain = member();
		asLimited.patch()
			.uri("/api/admin/members/{id}", plain.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Engineer"))
			.exchange()
			.expectStatus()
			.isOk();
		asLimited.post().uri("/api/admin/members/{id}/deactivate", plain.get("id")).exchange().expectStatus().isOk();
		this.full.patch()
			.uri("/api/admin/members/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "Auditor"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aClaimedAccountGetsNoNewInvitationSoItCannotBeTakenOver() {
		RestTestClient asLimited = basic(administrator(List.of("manage_accounts")));
		Map<String, Object> claimed = member();
		expectProblem(asLimited.post().uri("/api/admin/members/{id}/invitation", claimed.get("id")).exchange(), 409,
				"not been claimed");
		expectProblem(this.full.post().uri("/api/admin/members/{id}/invitation", claimed.get("id")).exchange(), 409,
				"not been claimed");
		Map<String, Object> unclaimed = create(asLimited, Map.of("email", unique() + "@example.com", "name", "Later"));
		asLimited.post()
			.uri("/api/admin/members/{id}/invitation", unclaimed.get("id"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void aClaimedAccountsSignInIdentityMovesOnlyByAFullAdministrator() {
		RestTestClient asLimited = basic(administrator(List.of("manage_accounts")));
		Map<String, Object> claimed = member();
		expectProblem(asLimited.patch()
			.uri("/api/admin/members/{id}", claimed.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("externalId", "someone-elses-sub"))
			.exchange(), 403, "every admin permission");
		this.full.patch()
			.uri("/api/admin/members/{id}", claimed.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("externalId", "their-own-sub-" + unique()))
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> unclaimed = create(asLimited, Map.of("email", unique() + "@example.com", "name", "New"));
		asLimited.patch()
			.uri("/api/admin/members/{id}", unclaimed.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "fixed-" + unique() + "@example.com"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void onlyAnAccountsAdministratorGivesAnIntegrationPowersOverAccounts() {
		RestTestClient integrationsOnly = basic(administrator(List.of("manage_integrations")));
		String integration = (String) create(integrationsOnly, Map.of("name", "Sync " + unique(), "kind", "CUSTOM"),
				"/api/admin/integrations")
			.get("id");
		for (String power : List.of("manage_accounts", "manage_work_profiles")) {
			expectProblem(integrationsOnly.put()
				.uri("/api/admin/integrations/{id}/permissions", integration)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("permissions", List.of(power)))
				.exchange(), 403, "manage_accounts");
		}
		integrationsOnly.put()
			.uri("/api/admin/integrations/{id}/permissions", integration)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("read_group")))
			.exchange()
			.expectStatus()
			.isOk();
		this.full.put()
			.uri("/api/admin/integrations/{id}/permissions", integration)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("manage_accounts")))
			.exchange()
			.expectStatus()
			.isOk();
		// Keeping (or removing) a power already granted needs nothing more.
		integrationsOnly.put()
			.uri("/api/admin/integrations/{id}/permissions", integration)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("manage_accounts", "read_group")))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A member with a password (dev mode) holding these admin permissions. */
	private Map<String, Object> administrator(List<String> granted) {
		Map<String, Object> created = member();
		permissions(this.full, created.get("id"), granted).expectStatus().isOk();
		return created;
	}

	private Map<String, Object> member() {
		return create(this.full,
				Map.of("email", unique() + "@example.com", "name", "Member " + unique(), "password", PASSWORD));
	}

	private RestTestClient basic(Map<String, Object> member) {
		return this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth((String) member.get("email"), PASSWORD))
			.build();
	}

	private static Map<String, Object> create(RestTestClient admin, Map<String, Object> body) {
		return create(admin, body, "/api/admin/members");
	}

	private static Map<String, Object> create(RestTestClient admin, Map<String, Object> body, String uri) {
		return admin.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static RestTestClient.ResponseSpec permissions(RestTestClient admin, Object id, List<String> permissions) {
		return admin.put()
			.uri("/api/admin/members/{id}/admin-permissions", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", permissions))
			.exchange();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, int status, String detail) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (text) -> assertThat(text).contains(detail));
	}

	private static String unique() {
		return "e" + System.nanoTime();
	}

}
