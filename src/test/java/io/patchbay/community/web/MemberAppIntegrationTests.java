package io.patchbay.community.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patchbay.AdminApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member app's pages, in a session started by claiming an invitation: groups, a feed,
 * posting with htmx, safe Markdown, mentions shown as names, English and French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MemberAppIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	@org.junit.jupiter.api.BeforeEach
	void freshClient() {
		this.anonymous = io.patchbay.TestClients.withoutCookies(this.port);
	}

	@Test
	void aMemberSeesTheirGroupsAndPostsSafeMarkdownWithMentions() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "app-" + System.nanoTime() + "@example.com";
		Map<String, Object> created = json(admin, "/api/admin/members", Map.of("email", email, "name", "Grace Hopper"));
		String group = (String) json(admin, "/api/admin/groups",
				Map.of("name", "Compilers " + System.nanoTime(), "privacy", "CLOSED"))
			.get("id");
		AdminApi.addToGroup(this.port, group, created.get("id"));

		String session = claim(((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", ""));
		RestTestClient member = this.anonymous.mutate().defaultHeader("Cookie", session).build();
		member.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/app"));
		String groups = page(member, "/app");
		assertThat(groups).contains("Compilers", "Your groups", "Closed", ">1 member<")
			.doesNotContain("Admin console", "1 members");
		// ?lang=fr comes with the console's LocaleChangeInterceptor; the browser's
		// language works already.
		assertThat(page(member.mutate().defaultHeader("Accept-Language", "fr").build(), "/app")).contains("Vos groupes",
				"Fermé", "?lang=en", ">1 membre<");

		String secret = (String) json(admin, "/api/admin/groups", Map.of("name", "Secret", "privacy", "SECRET"))
			.get("id");
		member.get().uri("/app/groups/{id}", secret).exchange().expectStatus().isNotFound();
		// A malformed id names nothing either: the same page, never an error page.
		assertThat(member.get()
			.uri("/app/groups/not-a-group")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("does not exist");
		String open = (String) json(admin, "/api/admin/groups", Map.of("name", "Open door", "privacy", "OPEN"))
			.get("id");
		String openPage = page(member, "/app/groups/" + open);
		assertThat(openPage).contains("Join group");
		member.post()
			.uri("/app/groups/{id}/join", open)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + csrf(openPage))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(page(member, "/app/groups/" + open)).doesNotContain("Join group");

		String groupPage = page(member, "/app/groups/" + group);
		String message = "**Bug** found by @[" + created.get("id")
				+ "] <script>alert(1)</script> [x](javascript:alert(2))";
		String feed = member.post()
			.uri("/app/groups/{id}/posts", group)
			.header("HX-Request", "true")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("message=" + URLEncoder.encode(message, StandardCharsets.UTF_8) + "&formatting=MARKDOWN&_csrf="
					+ csrf(groupPage))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(feed).startsWith("<section id=\"feed\"")
			.contains("<strong>Bug</strong>", "<span class=\"mention\">@Grace Hopper</span>", "&lt;script&gt;",
					">0 likes<", ">0 comments<")
			.doesNotContain("<script>alert", "javascript:");
		assertThat(page(member, "/app/groups/" + group)).contains("<strong>Bug</strong>", ">Delete</button>");

		// The permalink webhooks send leads to the post's own page, with its comments.
		String postId = feed.replaceFirst("(?s).*id=\"post-(\\d+)\".*", "$1");
		member.get()
			.uri("/groups/{g}/posts/{p}", group, postId)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (target) -> assertThat(target).endsWith("/app/groups/" + group + "/posts/" + postId));
		assertThat(page(member, "/app/groups/" + group + "/posts/" + postId)).contains("<strong>Bug</strong>",
				"id=\"back-to-group\"", "&quot;focus&quot;: &quot;" + postId);
		member.get().uri("/app/groups/{g}/posts/{p}", open, postId).exchange().expectStatus().isNotFound();

		String location = member.post()
			.uri("/app/groups")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("name=Grace%27s+team&privacy=SECRET&_csrf=" + csrf(groups))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).matches(".*/app/groups/\\d+");
		assertThat(page(member, location.replaceFirst("^http://[^/]+", ""))).contains("Grace&#39;s team", "Secret");
		admin.get()
			.uri("/api/admin/groups?limit=100")
			.exchange()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("Grace's team"));
	}

	@Test
	void groupPagesFollowTheGroupsRulesAndTheDirectoryShowsActiveColleaguesOnly() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		Map<String, Object> created = json(admin, "/api/admin/members",
				Map.of("email", "rules-" + System.nanoTime() + "@example.com", "name", "Barbara Liskov"));
		Map<String, Object> gone = json(admin, "/api/admin/members", Map.of("email",
				"gone-" + System.nanoTime() + "@example.com", "name", "Gone Colleague " + System.nanoTime()));
		admin.post().uri("/api/admin/members/{id}/deactivate", gone.get("id")).exchange().expectStatus().isOk();
		String group = (String) json(admin, "/api/admin/groups",
				Map.of("name", "Abstraction " + System.nanoTime(), "privacy", "CLOSED"))
			.get("id");
		AdminApi.addToGroup(this.port, group, created.get("id"));
		String session = claim(((String) created.get("inviteUrl")).replaceFirst("^http://[^/]+", ""));
		RestTestClient member = this.anonymous.mutate().defaultHeader("Cookie", session).build();

		// A member who is not the group's admin: no settings, no adding people.
		String groupPage = page(member, "/app/groups/" + group);
		assertThat(groupPage).contains("only its members see its posts", "Leave the group")
			.doesNotContain("id=\"group-settings-link\"");
		member.get().uri("/app/groups/{id}/settings", group).exchange().expectStatus().isForbidden();
		member.post()
			.uri("/app/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("email=" + URLEncoder.encode(AdminApi.EMAIL, StandardCharsets.UTF_8) + "&_csrf=" + csrf(groupPage))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(page(member, "/app/groups/" + group + "/members")).contains("Barbara Liskov")
			.doesNotContain(">Remove<");

		// The directory: no deactivated colleague, whose profile is not found either.
		assertThat(page(member,
				"/app/people?query=" + URLEncoder.encode((String) gone.get("name"), StandardCharsets.UTF_8)))
			.contains("Nobody matches");
		member.get().uri("/app/people/{id}", gone.get("id")).exchange().expectStatus().isNotFound();

		// Leaving a closed group: it is gone from the member's navigation and pages.
		member.post()
			.uri("/app/groups/{id}/leave", group)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + csrf(groupPage))
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(page(member, "/app")).doesNotContain("Abstraction");
		member.get().uri("/app/groups/{id}", group).exchange().expectStatus().isNotFound();
	}

	private String claim(String path) {
		EntityExchangeResult<String> page = this.anonymous.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		return this.anonymous.post()
			.uri(path)
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("password=nanoseconds-in-a-wire&confirmation=nanoseconds-in-a-wire&_csrf="
					+ csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Set-Cookie")
			.split(";")[0];
	}

	private static String page(RestTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Object> json(RestTestClient client, String uri, Map<String, Object> body) {
		return client.post()
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

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

}
