package io.patchbay.scim;

import java.util.List;
import java.util.Map;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.UserResource;
import io.patchbay.AdminApi;
import io.patchbay.graph.GraphTestSetup;
import io.patchbay.integrations.AppSecretProof;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SCIM protocol walked the way Okta's and Entra ID's provisioning walk it, with
 * UnboundID's SCIM client: discovery, create, find by {@code userName}, read, patch,
 * deactivate and reactivate, groups and their members, and the errors a provider must be
 * able to act on (409 {@code uniqueness}, 400 {@code invalidFilter}, 412 on a stale
 * version).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ScimProvisioningIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	ScimClients clients;

	@BeforeEach
	void setUp() {
		this.clients = new ScimClients(this.client, this.port);
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void describesWhatItSupports() throws ScimException {
		var config = this.clients.scim.getServiceProviderConfig();
		assertThat(config.getPatch().isSupported()).isTrue();
		assertThat(config.getFilter().isSupported()).isTrue();
		assertThat(config.getFilter().getMaxResults()).isEqualTo(100);
		assertThat(config.getEtag().isSupported()).isTrue();
		assertThat(config.getBulk().isSupported()).isFalse();
		ListResponse<ResourceTypeResource> types = this.clients.scim.getResourceTypes();
		assertThat(types.getResources()).extracting(ResourceTypeResource::getName).containsExactly("User", "Group");
		assertThat(this.clients.scim.getSchemas().getResources()).extracting((schema) -> schema.getId())
			.containsExactly(UserDocuments.USER, UserDocuments.ENTERPRISE, GroupDocuments.GROUP);
		assertThat(this.clients.scim.getSchema(UserDocuments.USER).getAttributes())
			.extracting((attribute) -> attribute.getName())
			.contains("userName", "name", "emails", "active")
			.doesNotContain("x509Certificates", "password");
	}

	@Test
	void provisionsAUserAsOktaDoes() throws ScimException {
		String email = "okta-" + GraphTestSetup.unique() + "@example.com";
		UserResource created = this.clients.scim.create("Users", user(email, "Olive", "Okta"));
		assertThat(created.getId()).isNotBlank();
		assertThat(created.getUserName()).isEqualTo(email);
		assertThat(created.getActive()).isTrue();
		assertThat(created.getMeta().getVersion()).startsWith("W/\"");
		EnterpriseUserExtension enterprise = created.getExtension(EnterpriseUserExtension.class);
		assertThat(enterprise.getDepartment()).isEqualTo("Support");
		assertThat(enterprise.getEmployeeNumber()).isEqualTo("E-42");

		ListResponse<UserResource> found = this.clients.scim.searchRequest("Users")
			.filter("userName eq \"" + email.toUpperCase() + "\"")
			.invoke(UserResource.class);
		assertThat(found.getTotalResults()).isEqualTo(1);
		assertThat(found.getResources().getFirst().getId()).isEqualTo(created.getId());

		// Okta deactivates with a path-less replace, and reactivates the same way.
		this.clients
			.send("PATCH", "/scim/v2/Users/" + created.getId(),
					"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
							+ "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		memberActive(created.getId(), false);
		UserResource reactivated = this.clients.scim.modifyRequest("Users", created.getId())
			.replaceValue("active", true)
			.invoke(UserResource.class);
		assertThat(reactivated.getActive()).isTrue();
		memberActive(created.getId(), true);

		UserResource retitled = this.clients.scim.modifyRequest("Users", created.getId())
			.replaceValue("title", "Team lead")
			.replaceValue("name.givenName", "Olivia")
			.invoke(UserResource.class);
		assertThat(retitled.getTitle()).isEqualTo("Team lead");
		assertThat(retitled.getName().getGivenName()).isEqualTo("Olivia");
		assertThat(this.clients.scim.retrieve("Users", created.getId(), UserResource.class).getTitle())
			.isEqualTo("Team lead");
	}

	@Test
	void takesTheFormsEntraIdSends() throws ScimException {
		String email = "entra-" + GraphTestSetup.unique() + "@example.com";
		UserResource created = this.clients.scim.create("Users", user(email, "Ezra", "Entra"));
		String id = created.getId();
		String moved = "moved-" + email;
		this.clients.send("PATCH", "/scim/v2/Users/" + id, """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
				 {"op":"Replace","path":"active","value":"False"},
				 {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"%s"},
				 {"op":"Add","value":{"name.familyName":"Entra-Smith",
				  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"Research"}}]}
				""".formatted(moved))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false)
			.jsonPath("$.userName")
			.isEqualTo(moved)
			.jsonPath("$.name.familyName")
			.isEqualTo("Entra-Smith")
			.jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].department")
			.isEqualTo("Research");
		this.clients
			.send("PATCH", "/scim/v2/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
					+ "\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":\"True\",\"displayName\":\"Ezra E.\"}}]}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(true)
			.jsonPath("$.displayName")
			.isEqualTo("Ezra E.");
		// Entra sets the manager as a bare id; the twin attributes of one field follow
		// whichever the patch changed.
		UserResource manager = this.clients.scim.create("Users",
				user("manager-" + GraphTestSetup.unique() + "@example.com", "Mona", "Manager"));
		this.clients
			.send("PATCH", "/scim/v2/Users/" + id,
					"""
							{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
							 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"},
							 {"op":"Replace","path":"preferredLanguage","value":"fr-FR"},
							 {"op":"Replace","path":"name.formatted","value":"Ezra the Second"}]}
							"""
						.formatted(manager.getId()))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'].manager.value")
			.isEqualTo(manager.getId())
			.jsonPath("$.locale")
			.isEqualTo("fr_FR")
			.jsonPath("$.displayName")
			.isEqualTo("Ezra the Second");
		// Entra finds users by externalId and by the email value path, too.
		assertThat(this.clients.scim.searchRequest("Users")
			.filter("emails[type eq \"work\" and value eq \"" + moved + "\"]")
			.invoke(UserResource.class)
			.getTotalResults()).isEqualTo(1);
		// DELETE deactivates; the member and their content stay.
		this.clients.scim.delete("Users", id);
		memberActive(id, false);
		assertThat(this.clients.scim.retrieve("Users", id, UserResource.class).getActive()).isFalse();
	}

	@Test
	void filtersWithEveryOperatorAndReturnsTheAttributesAskedFor() throws ScimException {
		String tag = GraphTestSetup.unique();
		UserResource first = this.clients.scim.create("Users", user("alpha-" + tag + "@example.com", "Alpha", tag));
		UserResource second = this.clients.scim.create("Users", user("beta-" + tag + "@example.org", "Beta", tag));
		this.clients.scim.modifyRequest("Users", second.getId())
			.replaceValue("active", false)
			.invoke(UserResource.class);
		String before = first.getMeta().getCreated().toInstant().minusSeconds(60).toString();

		assertThat(ids("name.familyName eq \"" + tag + "\"")).containsExactly(first.getId(), second.getId());
		assertThat(ids("name.familyName eq \"" + tag + "\" and active eq true")).containsExactly(first.getId());
		assertThat(ids("name.familyName eq \"" + tag + "\" and not (active eq true)")).containsExactly(second.getId());
		assertThat(ids("userName sw \"alpha-" + tag + "\" or userName ew \"" + tag + "@example.org\""))
			.containsExactly(first.getId(), second.getId());
		assertThat(ids("userName co \"" + tag + "\" and userName ne \"alpha-" + tag + "@example.com\""))
			.containsExactly(second.getId());
		assertThat(ids("name.familyName eq \"" + tag + "\" and meta.created gt \"" + before + "\""))
			.containsExactly(first.getId(), second.getId());
		assertThat(ids("name.familyName eq \"" + tag + "\" and meta.created lt \"" + before + "\"")).isEmpty();
		assertThat(ids("name.familyName eq \"" + tag + "\" and title pr")).isEmpty();
		assertThat(ids("emails[value ew \"example.org\"] and name.familyName eq \"" + tag + "\""))
			.containsExactly(second.getId());
		assertThat(ids("externalId eq \"nobody-" + tag + "\"")).isEmpty();

		Map<String, Object> page = this.clients
			.json(this.clients.get("/scim/v2/Users?filter={f}&startIndex=2&count=1&attributes=userName,name.givenName",
					"name.familyName eq \"" + tag + "\""));
		assertThat(page).containsEntry("totalResults", 2)
			.containsEntry("startIndex", 2)
			.containsEntry("itemsPerPage", 1);
		@SuppressWarnings("unchecked")
		Map<String, Object> only = (Map<String, Object>) ((List<?>) page.get("Resources")).getFirst();
		assertThat(only.keySet()).containsExactlyInAnyOrder("schemas", "id", "userName", "name");
		assertThat(((Map<?, ?>) only.get("name")).keySet()).map(String::valueOf).containsExactly("givenName");
		Map<String, Object> trimmed = this.clients.json(this.clients.get(
				"/scim/v2/Users/{id}?excludedAttributes=emails,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
				first.getId()));
		assertThat(trimmed).containsKeys("id", "userName", "meta").doesNotContainKey("emails");
		assertThat(((Map<?, ?>) trimmed.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).keySet())
			.map(String::valueOf)
			.contains("employeeNumber")
			.doesNotContain("department");
	}

	private List<String> ids(String filter) throws ScimException {
		return this.clients.scim.searchRequest("Users")
			.filter(filter)
			.invoke(UserResource.class)
			.getResources()
			.stream()
			.map(UserResource::getId)
			.toList();
	}

	@Test
	void refusesWhatAProviderMustActOnWithTheRfcErrors() throws ScimException {
		String email = "dup-" + GraphTestSetup.unique() + "@example.com";
		UserResource created = this.clients.scim.create("Users", user(email, "Dana", "Dup"));
		assertError(() -> this.clients.scim.create("Users", user(email.toUpperCase(), "Other", "Dup")), 409,
				"uniqueness");
		assertError(() -> this.clients.scim.searchRequest("Users").filter("userName eq").invoke(UserResource.class),
				400, "invalidFilter");
		assertError(() -> this.clients.scim.searchRequest("Users").page(1, 101).invoke(UserResource.class), 400,
				"invalidValue");
		String stale = created.getMeta().getVersion();
		this.clients.scim.modifyRequest("Users", created.getId())
			.replaceValue("title", "Now")
			.invoke(UserResource.class);
		assertError(() -> this.clients.scim.modifyRequest("Users", created.getId())
			.ifMatch(stale)
			.replaceValue("title", "Later")
			.invoke(UserResource.class), 412, null);
		UserResource current = this.clients.scim.retrieve("Users", created.getId(), UserResource.class);
		assertThat(current.getTitle()).isEqualTo("Now");
		this.clients.scim.modifyRequest("Users", created.getId())
			.ifMatch(current.getMeta().getVersion())
			.replaceValue("title", "Later")
			.invoke(UserResource.class);
		assertError(() -> this.clients.scim.retrieve("Users", "999999999", UserResource.class), 404, null);
	}

	@Test
	void answersBadInputWithTheRfcErrorBodyAndChangesNothing() throws ScimException {
		String email = "bad-" + GraphTestSetup.unique() + "@example.com";
		UserResource created = this.clients.scim.create("Users", user(email, "Bea", "Bad"));
		String path = "/scim/v2/Users/" + created.getId();
		expectError(this.clients.send("POST", "/scim/v2/Users", "{\"schemas\":"), 400, "invalidSyntax");
		expectError(
				this.clients.send("POST", "/scim/v2/Users",
						"{\"schemas\":[\"urn:example:unknown\"],\"userName\":\"x@example.com\"}"),
				400, "invalidSyntax");
		expectError(this.clients.send("POST", "/scim/v2/Users",
				"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"y@example.com\",\"active\":5}"),
				400, "invalidValue");
		expectError(this.clients
			.send("PATCH", path, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
					+ "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed\"},"
					+ "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].value\",\"value\":\"z@example.com\"}]}"),
				400, "noTarget");
		expectError(this.clients.send("PATCH", path,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"frobnicate\"}]}"),
				400, "invalidSyntax");
		expectError(
				this.clients.send("PATCH", path,
						"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
								+ "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Changed\"},"
								+ "{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"" + AdminApi.EMAIL + "\"}]}"),
				409, "uniqueness");
		assertThat(this.clients.scim.retrieve("Users", created.getId(), UserResource.class).getTitle())
			.as("no partial update")
			.isNull();
		expectError(this.clients.get("/scim/v2/Users?filter={f}", "userName xx \"a\""), 400, "invalidFilter");
		expectError(this.clients.get("/scim/v2/Nothing"), 404, null);
		expectError(this.client.get().uri("/scim/v2/Users").exchange(), 401, null);
		expectError(this.client.get().uri("/scim/v2/Users").header("Authorization", "Bearer nope").exchange(), 401,
				null);
		ScimClients withoutPermission = new ScimClients(this.client, this.port, "manage_work_profiles");
		try {
			expectError(withoutPermission.get("/scim/v2/Users"), 403, null);
		}
		finally {
			withoutPermission.close();
		}
	}

	@Test
	void passesTheChecksEveryIntegrationCallPasses() {
		RestTestClient admin = this.clients.integration.admin;
		String id = this.clients.integration.id;
		this.clients.get("/scim/v2/Users?count=1").expectStatus().isOk();
		admin.patch()
			.uri("/api/admin/integrations/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", false))
			.exchange()
			.expectStatus()
			.isOk();
		expectError(this.clients.get("/scim/v2/Users?count=1"), 403, null);
		admin.patch()
			.uri("/api/admin/integrations/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", true))
			.exchange()
			.expectStatus()
			.isOk();
		security(admin, id, Map.of("allowedIps", List.of("203.0.113.0/24"), "requireAppSecretProof", false));
		expectError(this.clients.get("/scim/v2/Users?count=1"), 403, null);
		security(admin, id, Map.of("allowedIps", List.of(), "requireAppSecretProof", true));
		expectError(this.clients.get("/scim/v2/Users?count=1"), 403, null);
		String secret = (String) this.clients
			.json(admin.get().uri("/api/admin/integrations/{id}/app-secret", id).exchange())
			.get("appSecret");
		this.clients
			.get("/scim/v2/Users?count=1&appsecret_proof={p}",
					AppSecretProof.compute(secret, this.clients.integration.token))
			.expectStatus()
			.isOk();
	}

	private static void security(RestTestClient admin, String id, Map<String, Object> settings) {
		admin.put()
			.uri("/api/admin/integrations/{id}/security", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesAnAddressOutsideTheCommunitysEmailDomains() throws ScimException {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		admin.put()
			.uri("/api/admin/email-domains")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("domains", List.of("Example.com", "@corp.example.org")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.domains")
			.isEqualTo(List.of("corp.example.org", "example.com"));
		try {
			assertError(
					() -> this.clients.scim.create("Users",
							user("x-" + GraphTestSetup.unique() + "@elsewhere.net", "Out", "Side")),
					400, "invalidValue");
			assertThat(this.clients.scim
				.create("Users", user("in-" + GraphTestSetup.unique() + "@corp.example.org", "In", "Side"))
				.getId()).isNotBlank();
			// The admin API's invitations obey the same list, with its own error format.
			admin.post()
				.uri("/api/admin/members")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("email", "x-" + GraphTestSetup.unique() + "@sub.example.com", "name", "Sub"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.detail")
				.value(String.class, (detail) -> assertThat(detail).contains("outside the community's email domains"));
			admin.put()
				.uri("/api/admin/email-domains")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("domains", List.of("co.uk")))
				.exchange()
				.expectStatus()
				.isBadRequest();
		}
		finally {
			admin.put()
				.uri("/api/admin/email-domains")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("domains", List.of()))
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void anIdentityProviderChangesOnlyTheWorkProfileOfAnAdministrator() {
		String adminId = (String) this.clients
			.json(this.clients.get("/scim/v2/Users?filter={f}", "userName eq \"" + AdminApi.EMAIL + "\""))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equals("Resources"))
			.map((entry) -> ((Map<?, ?>) ((List<?>) entry.getValue()).getFirst()).get("id"))
			.findFirst()
			.orElseThrow();
		expectError(this.clients.send("DELETE", "/scim/v2/Users/" + adminId, ""), 403, null);
		expectError(this.clients.send("PATCH", "/scim/v2/Users/" + adminId,
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
						+ "\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"taken-over@example.com\"}]}"),
				403, null);
		memberActive(adminId, true);
	}

	@Test
	void managesGroupsAndTheirMembers() throws ScimException {
		UserResource ann = this.clients.scim.create("Users",
				user("ann-" + GraphTestSetup.unique() + "@example.com", "Ann", "Group"));
		UserResource bob = this.clients.scim.create("Users",
				user("bob-" + GraphTestSetup.unique() + "@example.com", "Bob", "Group"));
		GroupResource group = new GroupResource().setDisplayName("Engineering " + GraphTestSetup.unique());
		group.setMembers(List.of(new Member().setValue(ann.getId())));
		GroupResource created = this.clients.scim.create("Groups", group);
		assertThat(created.getMembers()).extracting(Member::getValue).containsExactly(ann.getId());
		assertThat(created.getMembers().getFirst().getDisplay()).isEqualTo("Ann Group");

		// Entra adds and removes members with value lists.
		this.clients
			.send("PATCH", "/scim/v2/Groups/" + created.getId(),
					"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
							+ "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + bob.getId() + "\"}]}]}")
			.expectStatus()
			.isOk();
		assertThat(this.clients.scim.retrieve("Groups", created.getId(), GroupResource.class).getMembers())
			.extracting(Member::getValue)
			.containsExactlyInAnyOrder(ann.getId(), bob.getId());
		// Okta removes with a value path filter.
		this.clients
			.send("PATCH", "/scim/v2/Groups/" + created.getId(),
					"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
							+ "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + ann.getId() + "\\\"]\"}]}")
			.expectStatus()
			.isOk();
		assertThat(this.clients.scim.retrieve("Groups", created.getId(), GroupResource.class).getMembers())
			.extracting(Member::getValue)
			.containsExactly(bob.getId());

		ListResponse<GroupResource> found = this.clients.scim.searchRequest("Groups")
			.filter("displayName eq \"" + created.getDisplayName() + "\"")
			.excludedAttributes("members")
			.invoke(GroupResource.class);
		assertThat(found.getTotalResults()).isEqualTo(1);
		assertThat(found.getResources().getFirst().getMembers()).isNull();
		// The group is the community's: the Graph API sees its one member.
		this.clients.integration.get("/graph/{id}/members", created.getId())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].id")
			.isEqualTo(bob.getId());
	}

	private void memberActive(String id, boolean active) {
		AdminApi.asAdministrator(this.client)
			.get()
			.uri("/api/admin/members/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(active);
	}

	static UserResource user(String email, String first, String last) {
		UserResource user = new UserResource().setUserName(email)
			.setName(new Name().setGivenName(first).setFamilyName(last))
			.setDisplayName(first + " " + last)
			.setActive(true)
			.setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true)));
		user.setExtension(new EnterpriseUserExtension().setDepartment("Support").setEmployeeNumber("E-42"));
		return user;
	}

	static void assertError(ScimCall call, int status, String scimType) {
		ScimException error = catchThrowableOfType(ScimException.class, call::run);
		assertThat(error).as("a SCIM error").isNotNull();
		assertThat(error.getScimError().getStatus()).isEqualTo(status);
		if (scimType != null) {
			assertThat(error.getScimError().getScimType()).isEqualTo(scimType);
		}
	}

	static void expectError(RestTestClient.ResponseSpec response, int status, String scimType) {
		var body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.parseMediaType("application/scim+json"))
			.expectBody();
		body.jsonPath("$.schemas[0]").isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		body.jsonPath("$.status").isEqualTo(String.valueOf(status));
		if (scimType != null) {
			body.jsonPath("$.scimType").isEqualTo(scimType);
		}
	}

	@FunctionalInterface
	interface ScimCall {

		void run() throws Exception;

	}

}
