package io.patchbay.webhooks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery log's lifecycle: a dead node's lease is taken over, 36 hours of failures
 * disable a subscription, the log is purged after its retention, and the engine's metrics
 * are published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DeliveryLifecycleIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeliveryHousekeeping housekeeping;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	org.springframework.context.ApplicationContext context;

	WebhookEvents events;

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
		this.events = new WebhookEvents(this.context);
	}

	@Test
	void aDeadNodesClaimIsTakenOverOnceItsLeaseExpires() {
		long id = subscribed("/hooks/lease");
		receiver.stubFor(post(urlPathEqualTo("/hooks/lease")).willReturn(aResponse().withStatus(200)));
		this.engine.stop();
		try {
			this.events.groupPostAdded(id, "claimed by a node that died");
			this.jdbc.sql(
					"UPDATE webhook_delivery SET lease_owner = 'dead-node', next_attempt_at = ? WHERE integration_id = ?")
				.params(Timestamp.from(Instant.now().minusSeconds(1)), id)
				.update();
		}
		finally {
			this.engine.start();
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> !receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/lease"))).isEmpty());
	}

	@Test
	void failuresFor36HoursDisableTheSubscription() {
		long id = subscribed("/hooks/failing");
		receiver.stubFor(post(urlPathEqualTo("/hooks/failing")).willReturn(aResponse().withStatus(503)));
		this.jdbc.sql("UPDATE webhook_subscription SET failing_since = ? WHERE integration_id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofHours(37))), id)
			.update();

		this.events.groupPostAdded(id, "one more failure");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.hooks.admin()
				.get()
				.uri("/api/admin/integrations/{id}/webhooks", id)
				.exchange()
				.expectBody()
				.jsonPath("$.data[0].active")
				.isEqualTo(false)
				.jsonPath("$.data[0].disabledReason")
				.value(String.class, (reason) -> assertThat(reason).contains("36 hours")));
		this.hooks.admin()
			.get()
			.uri("/api/admin/audit?limit=20")
			.exchange()
			.expectBody(String.class)
			.value((audit) -> assertThat(audit).contains("webhook.disabled"));
	}

	@Test
	void finishedDeliveriesArePurgedAfterTheRetentionAndMetricsArePublished() {
		long id = subscribed("/hooks/purged");
		receiver.stubFor(post(urlPathEqualTo("/hooks/purged")).willReturn(aResponse().withStatus(200)));
		this.events.groupPostAdded(id, "soon forgotten");
		await().atMost(Duration.ofSeconds(10)).until(() -> count(id, "SUCCEEDED") == 1);
		this.jdbc.sql("UPDATE webhook_delivery SET created_at = ? WHERE integration_id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(15))), id)
			.update();

		assertThat(this.housekeeping.purge()).isGreaterThanOrEqualTo(1);
		assertThat(count(id, "SUCCEEDED")).isZero();

		this.housekeeping.measureQueue();
		String metrics = AdminApi.asAdministrator(this.client)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("patchbay_webhooks_deliveries_total{outcome=\"succeeded\"}",
				"patchbay_webhooks_delivery_latency_seconds_bucket", "patchbay_webhooks_pending",
				"patchbay_webhooks_oldest_pending_age_seconds");
	}

	private long count(long integrationId, String status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE integration_id = ? AND status = ?")
			.params(integrationId, status)
			.query(Long.class)
			.single();
	}

	private long subscribed(String path) {
		this.hooks.acceptHandshakes(path);
		Map<?, ?> integration = this.hooks.integration(List.of("read_group"));
		this.hooks.subscribe(integration.get("id"), "group", path, List.of("posts")).expectStatus().isOk();
		return Long.parseLong((String) integration.get("id"));
	}

}
