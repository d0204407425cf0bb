package io.patchbay.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.SecondNode;
import io.patchbay.TestDatabase;
import io.patchbay.platform.PatchbayProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Patchbay nodes on one database share the outbox: every delivery is sent, and, with
 * claims under {@code FOR UPDATE SKIP LOCKED}, sent by one node only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class TwoNodesIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@BeforeAll
	static void start() {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@Test
	void twoNodesDeliverEveryEntryOnce() {
		long id = subscribed("/hooks/cluster");

		try (ConfigurableApplicationContext second = secondNode()) {
			WebhookEvents first = new WebhookEvents(this.context);
			WebhookEvents other = new WebhookEvents(second);
			for (int i = 0; i < 100; i++) {
				(i % 2 == 0 ? first : other).groupPostAdded(id, "cluster-" + i + ";");
			}

			await().atMost(Duration.ofSeconds(20)).until(() -> bodies().split("cluster-").length - 1 >= 100);
		}
		List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/cluster")));
		String all = bodies();
		for (int i = 0; i < 100; i++) {
			assertThat(all.split("cluster-" + i + ";", -1)).as("entry %d delivered once", i).hasSize(2);
		}
		assertThat(requests.stream().map((request) -> request.getHeader("webhook-id")).collect(Collectors.toSet()))
			.hasSize(requests.size());
	}

	@Test
	void deliveriesPendingWhenANodeStopsAreSentByTheNextOne() {
		long id = subscribed("/hooks/restart");
		DeliveryEngine engine = this.context.getBean(DeliveryEngine.class);

		// This node's engine is down: a second node records the events and stops before
		// sending them.
		engine.stop();
		try {
			try (ConfigurableApplicationContext second = secondNode()) {
				second.getBean(DeliveryEngine.class).stop();
				WebhookEvents events = new WebhookEvents(second);
				for (int i = 0; i < 10; i++) {
					events.groupPostAdded(id, "restart-" + i + ";");
				}
			}
			assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/restart")))).isEmpty();
		}
		finally {
			engine.start();
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/restart")))
				.stream()
				.map(LoggedRequest::getBodyAsString)
				.collect(Collectors.joining())
				.split("restart-").length - 1 >= 10);
	}

	@Test
	void aNodeLearnsOfAnotherNodesDeliveriesAtOnceNotAtItsNextPoll() {
		assumeThat(TestDatabase.postgresql()).as("NOTIFY is PostgreSQL's; an embedded H2 is one node").isTrue();
		long id = subscribed("/hooks/notified");
		DeliveryEngine engine = this.context.getBean(DeliveryEngine.class);

		// This node queues but does not send; the other polls only once an hour, so only
		// a wake-up from this node's commit can make it send within seconds.
		engine.stop();
		try (SecondNode second = SecondNode.start(this.dataSource, this.properties,
				"--patchbay.webhooks.poll-interval=1h")) {
			new WebhookEvents(this.context).groupPostAdded(id, "notified;");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/notified"))).isEmpty());
		}
		finally {
			engine.start();
		}
	}

	@Test
	void aBacklogOfThousandsDrainsWithoutWaitingForAPoll() {
		List<Long> integrations = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			integrations.add(subscribed("/hooks/backlog"));
		}
		DeliveryEngine engine = this.context.getBean(DeliveryEngine.class);

		// 10,000 deliveries wait for a node that polls once an hour: it takes them in ten
		// claims of a thousand, so one claim that came back empty before the end and made
		// it wait would leave the rest undelivered for an hour.
		engine.stop();
		try {
			WebhookEvents events = new WebhookEvents(this.context);
			for (long id : integrations) {
				events.groupPostsAdded(id, "backlog-" + id + "-", 2_500);
			}
			try (SecondNode second = SecondNode.start(this.dataSource, this.properties,
					"--patchbay.webhooks.poll-interval=1h")) {
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> received("/hooks/backlog", "backlog-").size() >= 10_000);
			}
		}
		finally {
			engine.start();
		}
		List<String> entries = received("/hooks/backlog", "backlog-");
		assertThat(entries).hasSize(10_000).doesNotHaveDuplicates();
	}

	/**
	 * A new integration subscribed to group posts at {@code path} of the receiver, which
	 * answers 200.
	 */
	private long subscribed(String path) {
		WebhookTestSupport hooks = WebhookTestSupport.of(this.client, receiver);
		hooks.acceptHandshakes(path);
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
		Map<?, ?> integration = hooks.integration(List.of("read_group"));
		hooks.subscribe(integration.get("id"), "group", path, List.of("posts")).expectStatus().isOk();
		return Long.parseLong((String) integration.get("id"));
	}

	/** The entries received on a path, by their message up to its {@code ;}. */
	private static List<String> received(String path, String prefix) {
		List<String> entries = new ArrayList<>();
		for (LoggedRequest request : receiver.findAll(postRequestedFor(urlPathEqualTo(path)))) {
			Matcher message = Pattern.compile(Pattern.quote(prefix) + "[^;]*;").matcher(request.getBodyAsString());
			while (message.find()) {
				entries.add(message.group());
			}
		}
		return entries;
	}

	/**
	 * Another node on the same database and master key. Command-line arguments: they
	 * outrank application.properties, as an operator's environment variables would.
	 */
	private ConfigurableApplicationContext secondNode() {
		return SecondNode.start(this.dataSource, this.properties).context();
	}

	private static String bodies() {
		return receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/cluster")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.collect(Collectors.joining("\n"));
	}

}
