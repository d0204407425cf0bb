package io.patchbay.webhooks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A delivery waiting in the queue, or waiting for its retry, is checked again when the
 * engine claims it: what the integration may no longer receive (a permission removed, a
 * field unsubscribed, a group outside its narrowed group access) is abandoned, not sent.
 * The engine is stopped while the integration changes, so the check happens at the claim
 * and not by luck of timing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SendTimeChecksIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	Posts posts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

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
	void aRetryingDeliveryWhosePermissionWasRemovedIsAbandonedUnsent() {
		String path = "/hooks/" + unique();
		String group = group("Retried");
		Map<?, ?> integration = subscribed(path, List.of("read_group"), "ALL");
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(500)));

		postAsPage(group, "first try fails");
		await().atMost(Duration.ofSeconds(10)).until(() -> !posts(path).isEmpty());
		this.engine.stop();
		int sent;
		try {
			permissions(integration, List.of(), "ALL");
			sent = posts(path).size();
			makeDue(integration);
		}
		finally {
			this.engine.start();
		}

		Map<?, ?> delivery = awaitFailed(integration, "no longer holds read_group");
		assertThat(delivery.get("lastError")).isEqualTo("The integration no longer holds read_group");
		assertThat(posts(path)).as("no POST after the permission was removed").hasSize(sent);
		assertThat(metrics()).contains("patchbay_webhooks_deliveries_total{outcome=\"abandoned\"}");
	}

	@Test
	void queuedEntriesOfAGroupNoLongerReachableAreNotSent() {
		String path = "/hooks/" + unique();
		String kept = group("Kept");
		String dropped = group("Dropped");
		Map<?, ?> integration = subscribed(path, List.of("read_group"), List.of(kept, dropped));
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));

		this.engine.stop();
		try {
			postAsPage(kept, "still for you");
			postAsPage(dropped, "no longer for you");
			permissions(integration, List.of("read_group"), List.of(kept));
		}
		finally {
			this.engine.start();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> bodies(path).contains("still for you"));
		assertThat(bodies(path)).doesNotContain("no longer for you");
		Map<?, ?> abandoned = awaitFailed(integration, "outside");
		assertThat(abandoned.get("lastError"))
			.isEqualTo("Group " + dropped + " is outside the integration's group access");
	}

	@Test
	void aRetriedBatchDropsTheEntriesOfAGroupNoLongerReachable() {
		String path = "/hooks/" + unique();
		String kept = group("Kept");
		String dropped = group("Dropped");
		Map<?, ?> integration = subscribed(path, List.of("read_group"), List.of(kept, dropped));
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));

		this.engine.stop();
		try {
			postAsPage(kept, "batched and kept");
			postAsPage(dropped, "batched and dropped");
		}
		finally {
			this.engine.start();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> bodies(path).contains("batched and dropped"));
		assertThat(posts(path).getFirst().getBodyAsString()).contains("batched and kept");
		this.engine.stop();
		try {
			receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
			permissions(integration, List.of("read_group"), List.of(kept));
			receiver.resetRequests();
			makeDue(integration);
		}
		finally {
			this.engine.start();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(integration, "succeeded").isEmpty());
		String retried = posts(path).getLast().getBodyAsString();
		assertThat(retried).contains("batched and kept").doesNotContain("batched and dropped");
		assertThat(deliveries(integration, "succeeded").getFirst()).containsEntry("entryCount", 1);
		assertThat(awaitFailed(integration, "outside").get("lastError"))
			.isEqualTo("Group " + dropped + " is outside the integration's group access");
	}

	private Map<?, ?> subscribed(String path, List<String> permissions, Object groupAccess) {
		this.hooks.acceptHandshakes(path);
		Map<?, ?> integration = this.hooks.integration(permissions);
		permissions(integration, permissions, groupAccess);
		this.hooks.subscribe(integration.get("id"), "group", path, List.of("posts")).expectStatus().isOk();
		return integration;
	}

	private void permissions(Map<?, ?> integration, List<String> permissions, Object groupAccess) {
		this.hooks.admin()
			.put()
			.uri("/api/admin/integrations/{id}/permissions", integration.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", permissions, "groupAccess", groupAccess))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Makes the integration's pending or failed deliveries due now, as a retry would. */
	private void makeDue(Map<?, ?> integration) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, lease_owner = NULL
				WHERE integration_id = ? AND status <> 'MERGED'""")
			.params(Timestamp.from(Instant.now()), Long.parseLong((String) integration.get("id")))
			.update();
	}

	private Map<?, ?> awaitFailed(Map<?, ?> integration, String reason) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> deliveries(integration, "failed").stream()
				.anyMatch((delivery) -> String.valueOf(delivery.get("lastError")).contains(reason)));
		return deliveries(integration, "failed").stream()
			.filter((delivery) -> String.valueOf(delivery.get("lastError")).contains(reason))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> deliveries(Map<?, ?> integration, String status) {
		return (List<Map<String, Object>>) this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/deliveries?status={status}", integration.get("id"), status)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
	}

	private String group(String name) {
		return (String) this.hooks.admin()
			.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " " + unique(), "privacy", "OPEN"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	private void postAsPage(String groupId, String message) {
		this.transactions.executeWithoutResult((status) -> this.posts.create(WebhookTestSupport.SOMEONE,
				Long.parseLong(groupId), message, Formatting.PLAINTEXT, null));
	}

	private String metrics() {
		return this.hooks.admin()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<LoggedRequest> posts(String path) {
		return receiver.findAll(postRequestedFor(urlPathEqualTo(path)));
	}

	private static String bodies(String path) {
		return String.join("\n", posts(path).stream().map(LoggedRequest::getBodyAsString).toList());
	}

	private static String unique() {
		return Long.toString(System.nanoTime(), 36);
	}

}
