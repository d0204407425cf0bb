package io.patchbay.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.restfb.DefaultFacebookClient;
import com.restfb.FacebookClient;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.Connection;
import com.restfb.exception.FacebookOAuthException;
import com.restfb.json.JsonObject;
import com.restfb.types.GraphResponse;
import com.restfb.types.Page;
import com.restfb.types.Post;
import com.restfb.types.User;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RestFB, a real Workplace Graph client, works against Patchbay by changing only its base
 * URL, with {@code appsecret_proof} on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RestFbCompatibilityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	RestTestClient admin;

	String id;

	String pageId;

	FacebookClient facebook;

	@BeforeEach
	void connectRestFb() {
		this.admin = AdminApi.asAdministrator(this.client);
		Map<?, ?> created = this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "RestFB bot " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		this.id = (String) created.get("id");
		this.pageId = (String) created.get("pageId");
		String token = (String) this.admin.post()
			.uri("/api/admin/integrations/{id}/access-token", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		String appSecret = (String) this.admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", this.id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
		this.admin.put()
			.uri("/api/admin/integrations/{id}/security", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("requireAppSecretProof", true))
			.exchange()
			.expectStatus()
			.isOk();
		DefaultFacebookClient restFb = new DefaultFacebookClient(token, appSecret, Version.VERSION_19_0);
		String base = "http://localhost:" + this.port + "/graph";
		restFb.setFacebookEndpointUrls(new FacebookEndpoints() {
			@Override
			public String getGraphEndpoint() {
				return base;
			}

			@Override
			public String getGraphVideoEndpoint() {
				return base;
			}
		});
		this.facebook = restFb;
	}

	@Test
	void readsMeWithProof() {
		Page me = this.facebook.fetchObject("me", Page.class, Parameter.withFields("id,name,category"));

		assertThat(me.getId()).isEqualTo(this.pageId);
		assertThat(me.getName()).startsWith("RestFB bot");
		assertThat(me.getCategory()).isEqualTo("Bot");
	}

	@Test
	void surfacesGraphErrorsAsRestFbExceptions() {
		this.admin.patch()
			.uri("/api/admin/integrations/{id}", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("enabled", false))
			.exchange()
			.expectStatus()
			.isOk();

		assertThatExceptionOfType(FacebookOAuthException.class)
			.isThrownBy(() -> this.facebook.fetchObject("me", Page.class))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(190);
				assertThat(ex.getErrorSubcode()).isEqualTo(458);
			});
	}

	/**
	 * The walk of a typical Workplace integration: who am I, the members page by page, a
	 * member's profile, a post with a comment and a like, the feed read back, and a
	 * missing permission surfacing as RestFB's exception.
	 */
	@Test
	void walksTheCommunityAsAWorkplaceIntegrationWould() {
		this.admin.put()
			.uri("/api/admin/integrations/{id}/permissions", this.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions",
					List.of("read_group", "write_group", "read_group_membership", "read_user_email",
							"read_work_profile"),
					"groupAccess", "ALL"))
			.exchange()
			.expectStatus()
			.isOk();
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(member("Walker " + i, "Engineer"));
		}
		String group = (String) this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "RestFB group " + System.nanoTime(), "privacy", "CLOSED"))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		assertThat(this.facebook.fetchObject("me", Page.class).getId()).isEqualTo(this.pageId);

		Connection<User> members = this.facebook.fetchConnection("community/members", User.class,
				Parameter.with("limit", 2), Parameter.withFields("id,name,email"));
		List<String> seen = new ArrayList<>();
		int pages = 0;
		// RestFB's iterator rewrites http:// next links to https:// (Facebook is https
		// only, as a production base URL is), which the plain-HTTP test server cannot
		// answer: follow the same links by hand, undoing only that rewrite.
		while (members != null && pages < 500) {
			assertThat(members.getData()).hasSizeLessThanOrEqualTo(2);
			members.getData().forEach((user) -> seen.add(user.getId()));
			pages++;
			members = members.hasNext() ? this.facebook
				.fetchConnectionPage(members.getNextPageUrl().replaceFirst("^https://", "http://"), User.class) : null;
		}
		assertThat(pages).isGreaterThan(1);
		assertThat(seen).containsAll(created).doesNotHaveDuplicates();

		JsonObject profile = this.facebook.fetchObject(created.getFirst(), JsonObject.class,
				Parameter.withFields("id,name,email,title,department"));
		assertThat(profile.getString("title", null)).isEqualTo("Engineer");
		assertThat(profile.getString("email", null)).endsWith("@example.com");

		GraphResponse post = this.facebook.publish(group + "/feed", GraphResponse.class,
				Parameter.with("message", "Deployed from RestFB"));
		assertThat(post.getId()).startsWith(group + "_");
		GraphResponse comment = this.facebook.publish(post.getId() + "/comments", GraphResponse.class,
				Parameter.with("message", "Looks good"));
		assertThat(comment.getId()).isNotBlank();
		assertThat(this.facebook.publish(post.getId() + "/likes", GraphResponse.class).isSuccess()).isTrue();

		Connection<Post> feed = this.facebook.fetchConnection(group + "/feed", Post.class, Parameter.withFields(
				"id,message,from,created_time,comments.limit(0).summary(true)," + "reactions.summary(total_count)"));
		Post read = feed.getData().getFirst();
		assertThat(read.getId()).isEqualTo(post.getId());
		assertThat(read.getMessage()).isEqualTo("Deployed from RestFB");
		assertThat(read.getFrom().getId()).isEqualTo(this.pageId);
		assertThat(read.getCreatedTime()).isNotNull();
		assertThat(read.getCommentsCount()).isEqualTo(1);

		assertThatExceptionOfType(FacebookOAuthException.class)
			.isThrownBy(() -> this.facebook.fetchObject("community/security_logs", JsonObject.class))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(10));
	}

	private String member(String name, String title) {
		return (String) this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "walker-" + System.nanoTime() + "@example.com", "name", name, "password",
					"long-enough-password-" + System.nanoTime(), "title", title))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
