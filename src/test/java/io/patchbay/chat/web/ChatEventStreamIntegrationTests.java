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
import java.util.concurrent.atomic.AtomicBoolean;

import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The members' event stream, {@code GET /api/v1/events}: every event of the member's
 * threads with an id, what a reconnecting client missed (Last-Event-ID), nothing of
 * others' threads, and the end of the stream when the member is deactivated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatEventStreamIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		this.http.shutdownNow();
	}

	record Stream(List<String> lines, AtomicBoolean ended) {

		/** The {@code id:} of the event whose data contains the text. */
		String idOf(String text) {
			for (int i = 0; i < this.lines.size(); i++) {
				if (this.lines.get(i).startsWith("data:") && this.lines.get(i).contains(text)) {
					for (int j = i; j >= 0; j--) {
						if (this.lines.get(j).startsWith("id:")) {
							return this.lines.get(j).substring(3).strip();
						}
					}
				}
			}
			throw new AssertionError("no event with " + text + " in " + this.lines);
		}

		boolean has(String text) {
			return this.lines.stream().anyMatch((line) -> line.startsWith("data:") && line.contains(text));
		}

	}

	@Test
	void membersSeeTheirThreadsLiveAndAReconnectionMissesNothing() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		String thread = (String) ada.json(ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id())), 201))
			.get("id");
		Stream bobs = open(bob, null);
		Stream eves = open(eve, null);

		ada.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "Lunch at noon?"), 201);
		await().atMost(Duration.ofSeconds(10)).until(() -> bobs.has("Lunch at noon?"));
		assertThat(bobs.lines()).contains("event:message");
		String seen = bobs.idOf("Lunch at noon?");
		ada.post("/api/v1/threads/" + thread + "/typing", Map.of("on", true), 204);
		await().atMost(Duration.ofSeconds(10)).until(() -> bobs.lines().contains("event:typing"));

		// Bob's client goes away; what is said meanwhile reaches him when it reconnects.
		ada.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "Or at one?"), 201);
		bob.post("/api/v1/threads/" + thread + "/read", Map.of(), 204);
		Stream again = open(bob, seen);
		await().atMost(Duration.ofSeconds(10)).until(() -> again.has("Or at one?"));
		assertThat(again.lines()).contains("event:read");
		assertThat(eves.lines()).noneMatch((line) -> line.contains("Lunch") || line.contains("one?"));

		// A deactivated member's streams end at once.
		AdminApi.asAdministrator(this.client)
			.post()
			.uri("/api/admin/members/{id}/deactivate", bob.id())
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(10)).untilTrue(again.ended());
	}

	private Stream open(ChatMember member, String lastEventId) {
		List<String> lines = new CopyOnWriteArrayList<>();
		AtomicBoolean ended = new AtomicBoolean();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/events"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((member.email() + ":" + member.password()).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept((response) -> {
			response.body().forEach(lines::add);
			ended.set(true);
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":ready"));
		return new Stream(lines, ended);
	}

}
