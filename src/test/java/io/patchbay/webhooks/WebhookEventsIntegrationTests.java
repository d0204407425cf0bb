package io.patchbay.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.community.Formatting;
import io.patchbay.community.Posts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes made through the member and admin APIs reach subscribed integrations as
 * webhooks of the spec's shapes, only within their group access, and only for changes
 * that commit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WebhookEventsIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	Posts posts;

	@Autowired
	TransactionTemplate transactions;

	WebhookTestSupport hooks;

	@BeforeAll
	static void start() {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@BeforeEach
	void setUp() {
		receiver.resetAll();
		this.hooks = WebhookTestSupport.of(this.client, receiver);
	}

	@Test
	void postsCommentsMentionsAndMembershipReachTheirSubscribers() {
		String unique = Long.toString(System.nanoTime(), 36);
		Map<?, ?> bot = this.hooks.integration(List.of("read_group", "read_group_membership", "bot_mention"));
		subscribe(bot, "group", "/hooks/" + unique + "/group", List.of("posts", "comments", "membership"));
		subscribe(bot, "page", "/hooks/" + unique + "/page", List.of("mention"));
		String memberId = create("/api/admin/members", Map.of("email", "poster-" + unique + "@example.com", "name",
				"Poster", "password", "a-long-password-42"));
		String groupId = create("/api/admin/groups", Map.of("name", "Ops " + unique, "privacy", "OPEN"));
		this.hooks.admin()
			.post()
			.uri("/api/admin/groups/{id}/members", groupId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(memberId)))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		RestTestClient member = this.client.mutate()
			.defaultHeaders(
					(headers) -> headers.setBasicAuth("poster-" + unique + "@example.com", "a-long-password-42"))
			.build();

		String postId = (String) member.post()
			.uri("/api/v1/groups/{id}/posts", groupId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Deploy done, thanks @[" + bot.get("pageId") + "]"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		String groupBodies = awaitBodies("/hooks/" + unique + "/group", "\"field\":\"posts\"");
		assertThat(groupBodies).contains("\"object\":\"group\"", "\"verb\":\"add\"",
				"\"post_id\":\"" + groupId + "_" + postId + "\"",
				"\"from\":{\"id\":\"" + memberId + "\",\"name\":\"Poster\"}", "\"target_type\":\"group\"",
				"Deploy done");
		assertThat(awaitBodies("/hooks/" + unique + "/group", "\"field\":\"membership\""))
			.contains("\"member_id\":\"" + memberId + "\"");
		String pageBodies = awaitBodies("/hooks/" + unique + "/page", "\"field\":\"mention\"");
		assertThat(pageBodies).contains("\"object\":\"page\"", "\"item\":\"post\"",
				"\"id\":\"" + bot.get("pageId") + "\"");

		member.post()
			.uri("/api/v1/posts/{id}/comments", postId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "and the rollback plan"))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(awaitBodies("/hooks/" + unique + "/group", "\"field\":\"comments\"")).contains("rollback plan",
				"\"parent_id\":\"" + groupId + "_" + postId + "\"");
	}

	@Test
	void groupAccessLimitsWhatAnIntegrationHears() {
		String unique = Long.toString(System.nanoTime(), 36);
		String reachable = create("/api/admin/groups", Map.of("name", "Reachable " + unique, "privacy", "OPEN"));
		String elsewhere = create("/api/admin/groups", Map.of("name", "Elsewhere " + unique, "privacy", "OPEN"));
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/permissions", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("read_group"), "groupAccess", List.of(reachable)))
			.exchange()
			.expectStatus()
			.isOk();
		subscribe(integration, "group", "/hooks/" + unique, List.of("posts"));

		postAsPage(Long.parseLong(elsewhere), "not for you");
		postAsPage(Long.parseLong(reachable), "for you");

		List<?> deliveries = (List<?>) this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/deliveries", integration.get("id"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
		assertThat(deliveries).hasSize(1);
		assertThat(awaitBodies("/hooks/" + unique, "for you")).doesNotContain("not for you");
	}

	@Test
	void membershipReachesOnlyTheGroupsWithinTheGroupAccess() {
		String unique = Long.toString(System.nanoTime(), 36);
		String reachable = create("/api/admin/groups", Map.of("name", "Members in " + unique, "privacy", "OPEN"));
		String elsewhere = create("/api/admin/groups", Map.of("name", "Members out " + unique, "privacy", "OPEN"));
		String memberId = create("/api/admin/members", Map.of("email", "joiner-" + unique + "@example.com", "name",
				"Joiner", "password", "a-long-password-42"));
		Map<?, ?> integration = this.hooks.integration(List.of("read_group_membership"));
		this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/permissions", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("read_group_membership"), "groupAccess", List.of(reachable)))
			.exchange()
			.expectStatus()
			.isOk();
		subscribe(integration, "group", "/hooks/" + unique, List.of("membership"));

		for (String group : List.of(elsewhere, reachable)) {
			this.hooks.admin()
				.post()
				.uri("/api/admin/groups/{id}/members", group)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("memberIds", List.of(memberId)))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
		}

		assertThat(awaitBodies("/hooks/" + unique, "\"id\":\"" + reachable + "\""))
			.contains("\"member_id\":\"" + memberId + "\"")
			.doesNotContain(elsewhere);
	}

	@Test
	void aRolledBackChangeRaisesNoWebhook() {
		String unique = Long.toString(System.nanoTime(), 36);
		String group = create("/api/admin/groups", Map.of("name", "Rollback " + unique, "privacy", "OPEN"));
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		subscribe(integration, "group", "/hooks/" + unique, List.of("posts"));

		this.transactions.executeWithoutResult((status) -> {
			this.posts.create(WebhookTestSupport.SOMEONE, Long.parseLong(group), "never happened", Formatting.PLAINTEXT,
					null);
			status.setRollbackOnly();
		});
		postAsPage(Long.parseLong(group), "this one did");

		assertThat(awaitBodies("/hooks/" + unique, "this one did")).doesNotContain("never happened");
		List<?> deliveries = (List<?>) this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/deliveries", integration.get("id"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
		assertThat(deliveries).hasSize(1);
	}

	@Test
	void adminActivityReachesSecurityLogSubscribers() {
		String unique = Long.toString(System.nanoTime(), 36);
		Map<?, ?> auditor = this.hooks.integration(List.of("read_security_logs"));
		subscribe(auditor, "workplace_security", "/hooks/" + unique, List.of("admin_activity"));
		String memberId = create("/api/admin/members", Map.of("email", "leaver-" + unique + "@example.com", "name",
				"Leaver", "password", "a-long-password-42"));
		this.hooks.admin().post().uri("/api/admin/members/{id}/deactivate", memberId).exchange().expectStatus().isOk();

		String bodies = awaitBodies("/hooks/" + unique, "ADMIN_DEACTIVATE_ACCOUNT");
		assertThat(bodies).contains("\"object\":\"workplace_security\"", "ADMIN_CREATE_ACCOUNT",
				"\"target_id\":\"" + memberId + "\"", "\"target_email\":\"leaver-" + unique + "@example.com\"");
	}

	@Test
	void accountsAnIdentityProviderProvisionsRaiseAdminActivityNamingTheIntegration() {
		String unique = Long.toString(System.nanoTime(), 36);
		Map<?, ?> auditor = this.hooks.integration(List.of("read_security_logs"));
		subscribe(auditor, "workplace_security", "/hooks/" + unique, List.of("admin_activity"));
		Map<?, ?> provider = this.hooks.integration(List.of("manage_accounts"));
		String token = (String) this.hooks.admin()
			.post()
			.uri("/api/admin/integrations/{id}/access-token", provider.get("id"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		String email = "scim-" + unique + "@example.com";
		String memberId = (String) this.client.post()
			.uri("/scim/v2/Users")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
					+ "\",\"name\":{\"givenName\":\"Sam\",\"familyName\":\"Scim\"}}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		this.client.delete()
			.uri("/scim/v2/Users/{id}", memberId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNoContent();

		String bodies = awaitBodies("/hooks/" + unique, "ADMIN_DEACTIVATE_ACCOUNT");
		assertThat(bodies).contains("ADMIN_CREATE_ACCOUNT", "\"actor_id\":\"" + provider.get("pageId") + "\"",
				"\"target_id\":\"" + memberId + "\"", "\"target_email\":\"" + email + "\"");
		this.hooks.admin()
			.get()
			.uri("/api/admin/audit")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((audit) -> assertThat(audit).contains("member.deactivated")
				.contains("\"actorId\":\"" + provider.get("pageId") + "\""));
		String auditorToken = (String) this.hooks.admin()
			.post()
			.uri("/api/admin/integrations/{id}/access-token", auditor.get("id"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		this.client.get()
			.uri("/graph/community/security_logs")
			.header("Authorization", "Bearer " + auditorToken)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((logs) -> assertThat(logs).contains("\"event_type\":\"member.created\"")
				.contains("\"id\":\"" + provider.get("pageId") + "\""));
	}

	private void postAsPage(long groupId, String message) {
		this.transactions.executeWithoutResult((status) -> this.posts.create(WebhookTestSupport.SOMEONE, groupId,
				message, Formatting.PLAINTEXT, null));
	}

	private void subscribe(Map<?, ?> integration, String topic, String path, List<String> fields) {
		this.hooks.acceptHandshakes(path);
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
		this.hooks.subscribe(integration.get("id"), topic, path, fields).expectStatus().isOk();
	}

	private String create(String uri, Map<String, Object> body) {
		return (String) this.hooks.admin()
			.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	/** All bodies POSTed to the path so far, once one of them contains the text. */
	private static String awaitBodies(String path, String containing) {
		await().atMost(Duration.ofSeconds(10)).until(() -> bodies(path).contains(containing));
		return bodies(path);
	}

	private static String bodies(String path) {
		return String.join("\n",
				receiver.findAll(postRequestedFor(urlPathEqualTo(path)))
					.stream()
					.map((request) -> request.getBodyAsString())
					.toList());
	}

}
