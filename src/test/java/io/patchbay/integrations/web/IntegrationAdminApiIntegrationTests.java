package io.patchbay.integrations.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.patchbay.AdminApi;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.Members;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin REST API of the registry, as {@code integrations.md}'s contract table says,
 * against the running application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class IntegrationAdminApiIntegrationTests {

	/** A 1×1 lossless WebP image. */
	private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

	@Autowired
	RestTestClient anonymous;

	@Autowired
	Members members;

	RestTestClient admin;

	@BeforeEach
	void signIn() {
		this.admin = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	void createsCustomIntegrationsAndBotsWithTheirDefaults() {
		Map<String, Object> custom = create("Payroll sync " + unique(), "CUSTOM");
		assertThat(custom).containsEntry("kind", "CUSTOM")
			.containsEntry("enabled", true)
			.containsEntry("visible", false)
			.containsEntry("permissions", List.of())
			.containsEntry("groupAccess", "ALL")
			.containsEntry("hasAccessToken", false);
		assertThat((String) custom.get("appId")).matches("\\d{1,19}");
		assertThat((String) custom.get("pageId")).matches("\\d{1,19}");

		Map<String, Object> bot = create("Helpdesk bot " + unique(), "BOT");
		assertThat(bot).containsEntry("kind", "BOT")
			.containsEntry("visible", true)
			.containsEntry("permissions", List.of("message_any_member"));

		this.admin.get()
			.uri("/api/admin/integrations/{id}", bot.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.usage.requestsLast7Days")
			.isEqualTo(0)
			.jsonPath("$.usage.lastRequestDate")
			.doesNotExist();
		this.admin.get()
			.uri("/api/admin/integrations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[?(@.id == '" + bot.get("id") + "')].name")
			.isEqualTo(List.of(bot.get("name")));
	}

	@Test
	void refusesBadInputWithProblemDetailsNamingTheField() {
		String name = "Duplicate " + unique();
		create(name, "CUSTOM");
		expectProblem(post("/api/admin/integrations", Map.of("name", name.toUpperCase(), "kind", "BOT")), 409, "name");
		expectProblem(post("/api/admin/integrations", Map.of("name", "", "kind", "BOT")), 400, "name");
		expectProblem(post("/api/admin/integrations", Map.of("name", "x".repeat(101))), 400, "name");
		expectProblem(post("/api/admin/integrations", Map.of("kind", "BOT")), 400, "name");
		expectProblem(post("/api/admin/integrations", Map.of("name", "Kind " + unique(), "kind", "ROBOT")), 400,
				"kind");
		expectProblem(post("/api/admin/integrations", Map.of("name", "D " + unique(), "description", "d".repeat(501))),
				400, "description");
		this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.admin.get().uri("/api/admin/integrations/424242").exchange().expectStatus().isNotFound();
		this.admin.get().uri("/api/admin/integrations/not-an-id").exchange().expectStatus().isNotFound();
	}

	@Test
	void editsDetailsAndVisibility() {
		Map<String, Object> created = create("Editable " + unique(), "CUSTOM");
		String newName = "Renamed " + unique();
		this.admin.patch()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", newName, "description", "Does things", "enabled", false, "visible", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(newName)
			.jsonPath("$.description")
			.isEqualTo("Does things")
			.jsonPath("$.enabled")
			.isEqualTo(false)
			.jsonPath("$.visible")
			.isEqualTo(true);
		this.admin.patch()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(newName)
			.jsonPath("$.enabled")
			.isEqualTo(true);
		expectProblem(this.admin.patch()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabeld", false))
			.exchange(), 400, null);
	}

	@Test
	void accessTokenIsShownOnceResetRevokesTheOldOneAndRevokeRemovesIt() {
		Map<String, Object> created = create("Tokens " + unique(), "CUSTOM");
		String first = token(created);
		assertThat(first).startsWith("pbt_").hasSizeGreaterThanOrEqualTo(47);
		this.admin.get()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.hasAccessToken")
			.isEqualTo(true)
			.jsonPath("$.accessToken")
			.doesNotExist();
		String second = token(created);
		assertThat(second).isNotEqualTo(first);
		this.admin.delete()
			.uri("/api/admin/integrations/{id}/access-token", created.get("id"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.admin.get()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.hasAccessToken")
			.isEqualTo(false);
	}

	@Test
	void appSecretIsRevealedWithAnAuditEntryAndResetReplacesIt() {
		Map<String, Object> created = create("Secrets " + unique(), "CUSTOM");
		String revealed = secret("GET", created);
		assertThat(revealed).matches("[0-9a-f]{64}");
		assertThat(secret("GET", created)).isEqualTo(revealed);
		String reset = secret("POST", created);
		assertThat(reset).matches("[0-9a-f]{64}").isNotEqualTo(revealed);
		assertThat(secret("GET", created)).isEqualTo(reset);

		String audit = this.admin.get()
			.uri("/api/admin/audit?limit=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit)
			.contains("integration.app_secret_revealed", "integration.app_secret_reset", AdminApi.EMAIL, "127.0.0.1")
			.doesNotContain(revealed, reset);
	}

	@Test
	void replacesPermissionsAndGroupAccessAndRefusesUnknownPermissions() {
		Map<String, Object> created = create("Permissions " + unique(), "CUSTOM");
		this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("read_group", "write_group", "read_user_email"), "groupAccess",
					List.of("100000000000002", "100000000000001")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.permissions")
			.isEqualTo(List.of("read_group", "read_user_email", "write_group"))
			.jsonPath("$.groupAccess")
			.isEqualTo(List.of("100000000000001", "100000000000002"));

		expectProblem(this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("read_group", "launch_rockets")))
			.exchange(), 400, "permissions");
		expectProblem(this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of(), "groupAccess", List.of("abc")))
			.exchange(), 400, "groupAccess");
		// Nothing half-written: the rejected requests left the earlier permissions alone.
		this.admin.get()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.permissions")
			.isEqualTo(List.of("read_group", "read_user_email", "write_group"));
	}

	@Test
	void replacesSecuritySettingsAndRefusesMalformedAddresses() {
		Map<String, Object> created = create("Security " + unique(), "CUSTOM");
		this.admin.put()
			.uri("/api/admin/integrations/{id}/security", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("allowedIps", List.of("203.0.113.0/24", "2001:DB8::1"), "requireAppSecretProof", true))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.security.allowedIps")
			.isEqualTo(List.of("203.0.113.0/24", "2001:db8::1"))
			.jsonPath("$.security.requireAppSecretProof")
			.isEqualTo(true);
		expectProblem(this.admin.put()
			.uri("/api/admin/integrations/{id}/security", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("allowedIps", List.of("198.51.100.7", "10.0.0.0/33")))
			.exchange(), 400, "allowedIps");
		this.admin.get()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.security.allowedIps")
			.isEqualTo(List.of("203.0.113.0/24", "2001:db8::1"));
	}

	@Test
	void requiresTheAppSecretProofForItsTimeAndAuditsBoth() {
		Map<String, Object> created = create("Timed proof " + unique(), "CUSTOM");
		expectProblem(security(created, Map.of("allowedIps", List.of(), "requireAppSecretTime", true)), 400,
				"requireAppSecretTime");
		expectProblem(
				security(created,
						Map.of("allowedIps", List.of(), "requireAppSecretProof", false, "requireAppSecretTime", true)),
				400, "requireAppSecretTime");
		security(created, Map.of("allowedIps", List.of(), "requireAppSecretProof", true, "requireAppSecretTime", true))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.security.requireAppSecretProof")
			.isEqualTo(true)
			.jsonPath("$.security.requireAppSecretTime")
			.isEqualTo(true);
		this.admin.get()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectBody()
			.jsonPath("$.security.requireAppSecretTime")
			.isEqualTo(true);
		assertThat(audit()).contains("requireAppSecretProof=true requireAppSecretTime=true");

		// Absent means false.
		security(created, Map.of("allowedIps", List.of(), "requireAppSecretProof", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.security.requireAppSecretTime")
			.isEqualTo(false);
	}

	@Test
	void permissionsWithoutGroupAccessLeaveTheGroupAccessAsItWas() {
		Map<String, Object> created = create("Kept access " + unique(), "CUSTOM");
		permissions(created, Map.of("permissions", List.of("read_group"), "groupAccess", List.of("100000000000007")))
			.expectStatus()
			.isOk();
		permissions(created, Map.of("permissions", List.of("read_group", "write_group"))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.permissions")
			.isEqualTo(List.of("read_group", "write_group"))
			.jsonPath("$.groupAccess")
			.isEqualTo(List.of("100000000000007"));
		permissions(created, "{\"permissions\": [\"read_group\"], \"groupAccess\": null}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.groupAccess")
			.isEqualTo(List.of("100000000000007"));
		permissions(created, Map.of("permissions", List.of("read_group"), "groupAccess", "ALL")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.groupAccess")
			.isEqualTo("ALL");
	}

	@Test
	void acceptsPngAndWebpLogosAndRefusesOthers() throws IOException {
		Map<String, Object> created = create("Logo " + unique(), "BOT");
		byte[] png = png(64, 64);
		uploadLogo(created, png, "logo.png").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.logoUrl")
			.isEqualTo("/api/v1/integrations/" + created.get("id") + "/logo");
		byte[] served = this.admin.get()
			.uri("/api/v1/integrations/{id}/logo", created.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(served).isEqualTo(png);

		uploadLogo(created, WEBP, "logo.webp").expectStatus().isOk();
		this.admin.get()
			.uri("/api/v1/integrations/{id}/logo", created.get("id"))
			.exchange()
			.expectHeader()
			.contentType("image/webp");

		expectProblem(uploadLogo(created, "<svg/>".getBytes(), "logo.png"), 400, "file");
		expectProblem(uploadLogo(created, png(1025, 10), "wide.png"), 400, "file");
		expectProblem(uploadLogo(created, new byte[1024 * 1024 + 1], "big.png"), 400, "file");
		expectProblem(uploadLogo(created, new byte[2 * 1024 * 1024 + 1], "huge.png"), 400, "file");
		// The refused uploads left the WebP logo in place.
		this.admin.get()
			.uri("/api/v1/integrations/{id}/logo", created.get("id"))
			.exchange()
			.expectHeader()
			.contentType("image/webp");
	}

	@Test
	void deletionRemovesTheIntegration() {
		Map<String, Object> created = create("Doomed " + unique(), "BOT");
		token(created);
		this.admin.delete()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.admin.get().uri("/api/admin/integrations/{id}", created.get("id")).exchange().expectStatus().isNotFound();
		this.admin.delete()
			.uri("/api/admin/integrations/{id}", created.get("id"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void requiresAnAdministratorHoldingManageIntegrations() {
		this.anonymous.get()
			.uri("/api/admin/integrations")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		String auditor = "auditor-" + unique() + "@example.com";
		this.members.createAdministrator(auditor, "Auditor", "another-long-password",
				EnumSet.of(AdminPermission.VIEW_AUDIT_LOG));
		RestTestClient asAuditor = this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(auditor, "another-long-password"))
			.build();
		asAuditor.get()
			.uri("/api/admin/integrations")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		asAuditor.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Not allowed " + unique()))
			.exchange()
			.expectStatus()
			.isForbidden();
		asAuditor.get().uri("/api/admin/audit").exchange().expectStatus().isOk();
	}

	private Map<String, Object> create(String name, String kind) {
		return post("/api/admin/integrations", Map.of("name", name, "kind", kind)).expectStatus()
			.isCreated()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec security(Map<String, Object> integration, Object body) {
		return this.admin.put()
			.uri("/api/admin/integrations/{id}/security", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec permissions(Map<String, Object> integration, Object body) {
		return this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private String audit() {
		return this.admin.get()
			.uri("/api/admin/audit?limit=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec post(String uri, Object body) {
		return this.admin.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private String token(Map<String, Object> integration) {
		return (String) this.admin.post()
			.uri("/api/admin/integrations/{id}/access-token", integration.get("id"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
	}

	private String secret(String method, Map<String, Object> integration) {
		var request = "GET".equals(method) ? this.admin.get() : this.admin.post();
		return (String) request.uri("/api/admin/integrations/{id}/app-secret", integration.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
	}

	private RestTestClient.ResponseSpec uploadLogo(Map<String, Object> integration, byte[] content, String filename) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		return this.admin.put()
			.uri("/api/admin/integrations/{id}/logo", integration.get("id"))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, int status, String field) {
		var body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody();
		body.jsonPath("$.status").isEqualTo(status);
		body.jsonPath("$.detail").isNotEmpty();
		if (field != null) {
			body.jsonPath("$.field").isEqualTo(field);
		}
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
		return out.toByteArray();
	}

	private static String unique() {
		return Long.toString(System.nanoTime(), 36);
	}

}
