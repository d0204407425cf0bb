package io.patchbay.workflows.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.SecondNode;
import io.patchbay.TestClients;
import io.patchbay.TestDatabase;
import io.patchbay.chat.web.ChatMember;
import io.patchbay.platform.PatchbayProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.patchbay.workflows.web.WorkflowHooks.channel;
import static io.patchbay.workflows.web.WorkflowHooks.create;
import static io.patchbay.workflows.web.WorkflowHooks.publish;
import static io.patchbay.workflows.web.WorkflowHooks.texts;
import static io.patchbay.workflows.web.WorkflowHooks.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL: a workflow's rate limit counts the requests of both, and
 * the runs both accept are each run once though both engines claim from the one queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WorkflowTwoNodesIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@LocalServerPort
	int port;

	@Test
	void bothNodesShareTheRateLimitAndTheQueue() {
		assumeThat(TestDatabase.postgresql()).as("an embedded H2 is one node").isTrue();
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		String channel = channel(ada, "Alerts", bob);
		List<String> hooks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			hooks.add(publish(ada, create(ada, Map.of("name", "Alert " + i, "trigger", Map.of("type", "webhook"),
					"steps", List.of(Map.of("type", "send_message", "threadId", channel, "text", "Alert " + i))))));
		}
		RestTestClient first = TestClients.withoutCookies(this.port);
		try (SecondNode node = SecondNode.start(this.dataSource, this.properties)) {
			RestTestClient second = TestClients.withoutCookies(node.port());
			for (int i = 0; i < hooks.size(); i++) {
				assertThat(trigger((i % 2 == 0) ? first : second, hooks.get(i), "{}").getStatus().value())
					.isEqualTo(200);
			}
			// The same URL on the other node, within the second: the shared bucket is
			// empty.
			Map<String, Object> limited = trigger(second, hooks.getFirst(), "{}").getResponseBody();
			assertThat(limited).containsEntry("error", "rate_limited");

			List<String> expected = java.util.stream.IntStream.range(0, hooks.size())
				.mapToObj((i) -> "Alert " + i)
				.toList();
			await().until(() -> texts(bob, channel).containsAll(expected));
			assertThat(texts(bob, channel)).hasSize(hooks.size()).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

}
