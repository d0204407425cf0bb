package io.patchbay.chat.web;

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

import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.SecondNode;
import io.patchbay.platform.PatchbayProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * Two Patchbay nodes on one database: a member whose event stream is open on one node
 * gets the messages written through the other, found in the shared event log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatTwoNodesIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@Test
	void aStreamOnOneNodeGetsWhatTheOtherNodeStored() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		String thread = (String) ada.json(ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id())), 201))
			.get("id");
		try (SecondNode second = SecondNode.start(this.dataSource, this.properties)) {
			int port = second.port();
			List<String> lines = new CopyOnWriteArrayList<>();
			HttpClient http = HttpClient.newHttpClient();
			try {
				http.sendAsync(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
							.header("Authorization", "Basic " + Base64.getEncoder()
								.encodeToString((bob.email() + ":" + bob.password()).getBytes(StandardCharsets.UTF_8)))
							.header("Accept", "text/event-stream")
							.build(),
						HttpResponse.BodyHandlers.ofLines())
					.thenAccept((response) -> response.body().forEach(lines::add));
				await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":ready"));

				ada.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "Written on the first node"), 201);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> lines.stream().anyMatch((line) -> line.contains("Written on the first node")));
			}
			finally {
				http.shutdownNow();
			}
		}
	}

}
