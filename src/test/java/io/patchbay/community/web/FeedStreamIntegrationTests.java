package io.patchbay.community.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.patchbay.AdminApi;
import io.patchbay.community.CommunityProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group feed's server-sent events, read as a browser's EventSource would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class FeedStreamIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient anonymous;

	@LocalServerPort
	int port;

	@Autowired
	CommunityProperties properties;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		this.http.shutdownNow();
	}

	@Test
	void aNewPostAndCommentReachAnOpenStreamAndDeactivationEndsIt() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "listener-" + System.nanoTime() + "@example.com";
		String memberId = create(admin, "/api/admin/members",
				Map.of("email", email, "name", "Listener", "password", "listening-closely-42"));
		String group = create(admin, "/api/admin/groups",
				Map.of("name", "Live " + System.nanoTime(), "privacy", "OPEN"));
		List<String> lines = new CopyOnWriteArrayList<>();
		AtomicBoolean ended = new AtomicBoolean();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/groups/" + group + "/events"))
			.header("Authorization", basic(email, "listening-closely-42"))
			.header("Accept", "text/event-stream")
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			response.body().forEach(lines::add);
			ended.set(true);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));

		RestTestClient member = this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(email, "listening-closely-42"))
			.build();
		member.post().uri("/api/v1/groups/{id}/membership", group).exchange().expectStatus().isNoContent();
		String postId = create(member, "/api/v1/groups/" + group + "/posts", Map.of("message", "Is this live?"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> lines.stream().anyMatch((line) -> line.startsWith("data:") && line.contains(postId)));
		String commentId = create(member, "/api/v1/posts/" + postId + "/comments", Map.of("message", "It is"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> lines.stream().anyMatch((line) -> line.contains("\"comment\"") && line.contains(commentId)));
		assertThat(lines).filteredOn((line) -> line.startsWith("event:")).contains("event:feed");
		// Likes and unlikes redraw the counts too.
		member.post().uri("/api/v1/objects/{id}/likes", postId).exchange().expectStatus().is2xxSuccessful();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> lines.stream().anyMatch((line) -> line.contains("\"like\"") && line.contains(postId)));

		admin.post().uri("/api/admin/members/{id}/deactivate", memberId).exchange().expectStatus().isOk();
		await().atMost(Duration.ofSeconds(10)).untilTrue(ended);
	}

	@Test
	void aMemberRemovedFromAGroupStopsFollowingItsFeed() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "removed-" + System.nanoTime() + "@example.com";
		String memberId = create(admin, "/api/admin/members",
				Map.of("email", email, "name", "Soon gone", "password", "listening-closely-42"));
		String group = create(admin, "/api/admin/groups",
				Map.of("name", "Closed " + System.nanoTime(), "privacy", "CLOSED"));
		admin.post()
			.uri("/api/admin/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(memberId)))
			.exchange()
			.expectStatus()
			.isOk();
		Stream stream = open(email, "listening-closely-42", group);

		RestTestClient member = this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(email, "listening-closely-42"))
			.build();
		member.delete().uri("/api/v1/groups/{id}/membership", group).exchange().expectStatus().isNoContent();
		await().atMost(Duration.ofSeconds(10)).untilTrue(stream.ended());
	}

	@Test
	void aMemberHoldsALimitedNumberOfStreamsAndTheOldestGivesWay() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "tabs-" + System.nanoTime() + "@example.com";
		create(admin, "/api/admin/members", Map.of("email", email, "name", "Many tabs", "password", "so-many-tabs-42"));
		String group = create(admin, "/api/admin/groups",
				Map.of("name", "Busy " + System.nanoTime(), "privacy", "OPEN"));
		List<Stream> streams = new java.util.ArrayList<>();
		for (int i = 0; i < this.properties.streamsPerMember(); i++) {
			streams.add(open(email, "so-many-tabs-42", group));
		}
		assertThat(streams).noneMatch((stream) -> stream.ended().get());
		Stream newest = open(email, "so-many-tabs-42", group);
		await().atMost(Duration.ofSeconds(10)).untilTrue(streams.getFirst().ended());
		assertThat(streams.subList(1, streams.size())).noneMatch((stream) -> stream.ended().get());
		assertThat(newest.ended()).isFalse();
	}

	private record Stream(List<String> lines, AtomicBoolean ended) {
	}

	/** Opens a group's event stream and waits until it is ready. */
	private Stream open(String email, String password, String group) {
		List<String> lines = new CopyOnWriteArrayList<>();
		AtomicBoolean ended = new AtomicBoolean();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/groups/" + group + "/events"))
			.header("Authorization", basic(email, password))
			.header("Accept", "text/event-stream")
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept((response) -> {
			response.body().forEach(lines::add);
			ended.set(true);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
		return new Stream(lines, ended);
	}

	@Test
	void aStreamOfAHiddenGroupIsRefused() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "outsider-" + System.nanoTime() + "@example.com";
		create(admin, "/api/admin/members", Map.of("email", email, "name", "Outsider", "password", "not-invited-here"));
		String group = create(admin, "/api/admin/groups", Map.of("name", "Hidden", "privacy", "SECRET"));
		this.anonymous.get()
			.uri("/api/v1/groups/{id}/events", group)
			.headers((headers) -> headers.setBasicAuth(email, "not-invited-here"))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private static String create(RestTestClient client, String uri, Map<String, Object> body) {
		return (String) client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
