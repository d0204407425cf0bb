package io.patchbay.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery engine against real HTTP receivers: signatures checked by independent
 * computation and a Standard Webhooks verifier, batching, retries, timeouts, redirects,
 * 410, garbage answers, isolation of a slow receiver, and durability across a restart.
 * The retry schedule is shortened by the test configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WebhookDeliveryIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	static WireMockServer slowReceiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	Subscribers subscribers;

	@Autowired
	Deliveries deliveries;

	@Autowired
	DeliveryEngine engine;

	@Autowired
	TransactionTemplate transactions;

	WebhookTestSupport hooks;

	@BeforeAll
	static void startReceivers() {
		receiver.start();
		slowReceiver.start();
	}

	@AfterAll
	static void stopReceivers() {
		receiver.stop();
		slowReceiver.stop();
	}

	@BeforeEach
	void setUp() {
		receiver.resetAll();
		slowReceiver.resetAll();
		this.hooks = WebhookTestSupport.of(this.client, receiver);
	}

	@Test
	void deliversEntriesOfOneTransactionAsOneSignedPost() throws Exception {
		long id = subscribedIntegration("/hooks/signed");
		receiver.stubFor(post(urlPathEqualTo("/hooks/signed")).willReturn(aResponse().withStatus(200)));
		String secret = this.hooks.appSecret(id);

		enqueue(id, 3);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/signed")))).hasSize(1));
		LoggedRequest request = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/signed"))).getFirst();
		String body = request.getBodyAsString();
		assertThat(body).startsWith("{\"object\":\"group\",\"entry\":[").contains("m0", "m1", "m2");
		assertThat(request.getHeader("X-Hub-Signature-256")).isEqualTo("sha256=" + hex("HmacSHA256", secret, body));
		assertThat(request.getHeader("X-Hub-Signature")).isEqualTo("sha1=" + hex("HmacSHA1", secret, body));
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(request.getHeader("User-Agent")).startsWith("Patchbay-Webhooks/");
		Webhook verifier = new Webhook(
				"whsec_" + Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
		verifier.verify(body,
				Map.of("webhook-id", List.of(request.getHeader("webhook-id")), "webhook-timestamp",
						List.of(request.getHeader("webhook-timestamp")), "webhook-signature",
						List.of(request.getHeader("webhook-signature"))));

		this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/deliveries?status=succeeded", id)
			.exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].entryCount")
			.isEqualTo(3)
			.jsonPath("$.data[0].webhookId")
			.isEqualTo(request.getHeader("webhook-id"));
	}

	@Test
	void retriesAFailureWithTheSameWebhookIdUntilItSucceeds() {
		long id = subscribedIntegration("/hooks/flaky");
		receiver.stubFor(post(urlPathEqualTo("/hooks/flaky")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withBody("try later"))
			.willSetStateTo("recovered"));
		receiver.stubFor(post(urlPathEqualTo("/hooks/flaky")).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(204)));

		enqueue(id, 1);

		Map<?, ?> delivery = awaitDelivery(id, "succeeded");
		assertThat(delivery.get("attemptCount")).isEqualTo(2);
		List<?> attempts = (List<?>) delivery.get("attempts");
		assertThat(attempts.stream().map((attempt) -> ((Map<?, ?>) attempt).get("statusCode")).toList())
			.isEqualTo(List.of(500, 204));
		assertThat(((Map<?, ?>) attempts.getFirst()).get("responseExcerpt")).isEqualTo("try later");
		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/flaky")));
		assertThat(requests).hasSize(2);
		assertThat(requests.stream().map((request) -> request.getHeader("webhook-id")).distinct().toList())
			.isEqualTo(List.of(delivery.get("webhookId")));
	}

	@Test
	void aReceiverThatDoesNotAnswerInTimeFailsAfterTheRetries() {
		long id = subscribedIntegration("/hooks/hanging");
		receiver.stubFor(post(urlPathEqualTo("/hooks/hanging")).willReturn(aResponse().withFixedDelay(5_000)));

		enqueue(id, 1);

		Map<?, ?> delivery = awaitDelivery(id, "failed");
		assertThat(delivery.get("attemptCount")).isEqualTo(4);
		assertThat((String) delivery.get("lastError")).contains("Timed out");
	}

	@Test
	void redirectsAreNotFollowedAnd410DisablesTheSubscription() {
		long id = subscribedIntegration("/hooks/moved");
		receiver.stubFor(post(urlPathEqualTo("/hooks/moved"))
			.willReturn(aResponse().withStatus(307).withHeader("Location", receiver.baseUrl() + "/hooks/elsewhere")));
		receiver.stubFor(post(urlPathEqualTo("/hooks/elsewhere")).willReturn(aResponse().withStatus(200)));
		enqueue(id, 1);
		Map<?, ?> redirected = awaitDelivery(id, "failed");
		assertThat((String) redirected.get("lastError")).contains("Redirect");
		assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/elsewhere")))).isEmpty();

		receiver.stubFor(post(urlPathEqualTo("/hooks/moved")).willReturn(aResponse().withStatus(410)));
		this.hooks.admin()
			.post()
			.uri("/api/admin/deliveries/{id}/redeliver", redirected.get("id"))
			.exchange()
			.expectStatus()
			.isAccepted();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.hooks.admin()
				.get()
				.uri("/api/admin/integrations/{id}/webhooks", id)
				.exchange()
				.expectBody()
				.jsonPath("$.data[0].active")
				.isEqualTo(false)
				.jsonPath("$.data[0].disabledReason")
				.value(String.class, (reason) -> assertThat(reason).contains("410")));
	}

	@Test
	void garbageAndHugeAnswersAreRecordedNotFatal() {
		long id = subscribedIntegration("/hooks/garbage");
		byte[] garbage = new byte[200_000];
		new java.util.Random(7).nextBytes(garbage);
		receiver
			.stubFor(post(urlPathEqualTo("/hooks/garbage")).willReturn(aResponse().withStatus(200).withBody(garbage)));

		enqueue(id, 1);

		Map<?, ?> delivery = awaitDelivery(id, "succeeded");
		String excerpt = (String) ((Map<?, ?>) ((List<?>) delivery.get("attempts")).getFirst()).get("responseExcerpt");
		assertThat(excerpt.length()).isLessThanOrEqualTo(4096);
	}

	@Test
	void aSlowReceiverDoesNotDelayAFastOne() {
		long slow = subscribedIntegration(slowReceiver, "/hooks/slow");
		slowReceiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
		long fast = subscribedIntegration("/hooks/fast");
		receiver.stubFor(post(urlPathEqualTo("/hooks/fast")).willReturn(aResponse().withStatus(200)));

		IntStream.range(0, 20).forEach((i) -> enqueue(slow, 1));
		await().atMost(Duration.ofSeconds(5)).until(() -> !slowReceiver.getAllServeEvents().isEmpty());
		enqueue(fast, 1);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> !receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/fast"))).isEmpty());
		assertThat(deliveriesOf(slow, "pending")).as("slow deliveries still in flight when the fast one arrived")
			.isNotEmpty();
	}

	@Test
	void pendingDeliveriesSurviveAStoppedEngineAndAnExpiredLease() {
		long id = subscribedIntegration("/hooks/durable");
		receiver.stubFor(post(urlPathEqualTo("/hooks/durable")).willReturn(aResponse().withStatus(200)));
		this.engine.stop();
		try {
			enqueue(id, 2);
			assertThat(deliveriesOf(id, "pending")).hasSize(2);
		}
		finally {
			this.engine.start();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(id, "pending").isEmpty());
		assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/durable")))).isNotEmpty();
	}

	private long subscribedIntegration(String path) {
		return subscribedIntegration(receiver, path);
	}

	private long subscribedIntegration(WireMockServer server, String path) {
		WebhookTestSupport support = WebhookTestSupport.of(this.client, server);
		support.acceptHandshakes(path);
		Map<?, ?> integration = support.integration(List.of("read_group"));
		support.subscribe(integration.get("id"), "group", path, List.of("posts")).expectStatus().isOk();
		return Long.parseLong((String) integration.get("id"));
	}

	private void enqueue(long integrationId, int entries) {
		Subscriber subscriber = this.subscribers.find(integrationId, Topic.GROUP).orElseThrow();
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < entries; i++) {
				this.deliveries.enqueue(subscriber, "posts", 100000000000001L,
						Map.of("id", "100000000000001", "time", 1763800000, "changes",
								List.of(Map.of("field", "posts", "value", Map.of("verb", "add", "message", "m" + i)))));
			}
		});
	}

	private List<?> deliveriesOf(long integrationId, String status) {
		return (List<?>) this.hooks.admin()
			.get()
			.uri("/api/admin/integrations/{id}/deliveries?status={status}", integrationId, status)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("data");
	}

	private Map<?, ?> awaitDelivery(long integrationId, String status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !deliveriesOf(integrationId, status).isEmpty());
		Object deliveryId = ((Map<?, ?>) deliveriesOf(integrationId, status).getFirst()).get("id");
		return this.hooks.admin()
			.get()
			.uri("/api/admin/deliveries/{id}", deliveryId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private static String hex(String algorithm, String secret, String body) throws Exception {
		Mac mac = Mac.getInstance(algorithm);
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
