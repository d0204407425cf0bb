package io.patchbay.workflows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.TestClients;
import io.patchbay.chat.web.ChatMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An accepted run survives the node that accepted it: queued while no engine runs, and
 * taken over from a node that claimed it and died, it runs once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class RunRecoveryIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	RunEngine engine;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void aRunAcceptedBeforeACrashRunsOnceAfterTheRestart() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		String channel = (String) ada
			.json(ada.post("/api/v1/threads", Map.of("name", "Ops", "participantIds", List.of(bob.id())), 201))
			.get("id");
		Map<String, Object> workflow = ada.json(
				ada.post("/api/v1/workflows",
						Map.of("name", "Pager", "trigger", Map.of("type", "webhook"), "steps",
								List.of(Map.of("type", "send_message", "threadId", channel, "text", "Disk full"))),
						201));
		String id = (String) workflow.get("id");
		ada.post("/api/v1/workflows/" + id + "/publish", Map.of(), 200);
		String url = (String) ((Map<?, ?>) ada.json(ada.get("/api/v1/workflows/" + id + "?reveal=true")).get("trigger"))
			.get("url");

		this.engine.stop();
		try {
			String runId = (String) TestClients.withoutCookies(this.port)
				.post()
				.uri(url.replaceFirst("^https?://[^/]+", ""))
				.contentType(MediaType.APPLICATION_JSON)
				.body("{}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("runId");
			// The node that took it crashed mid-run: its lease has run out.
			this.jdbc
				.sql("UPDATE workflow_run SET status = 'RUNNING', lease_owner = 'crashed-node', lease_until = ? "
						+ "WHERE id = ?")
				.params(Timestamp.from(Instant.now().minusSeconds(1)), Long.parseLong(runId))
				.update();
			assertThat(messages(bob, channel)).isEmpty();
		}
		finally {
			this.engine.start();
		}
		await().until(() -> this.jdbc.sql("SELECT status FROM workflow_run WHERE workflow_id = ?")
			.param(Long.parseLong(id))
			.query(String.class)
			.single()
			.equals("SUCCEEDED"));
		assertThat(messages(bob, channel)).containsExactly("Disk full");
	}

	private static List<String> messages(ChatMember member, String thread) {
		List<?> data = (List<?>) member.json(member.get("/api/v1/threads/" + thread + "/messages")).get("data");
		return data.stream().map((message) -> (String) ((Map<?, ?>) message).get("text")).toList();
	}

}
