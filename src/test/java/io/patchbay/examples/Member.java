package io.patchbay.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.patchbay.AdminApi;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.StatusAssertions;

import static io.patchbay.examples.Bot.body;

/** A member calling the member API with HTTP Basic. */
record Member(RestTestClient client) {

	static Member create(RestTestClient anonymous, String name) {
		String email = name.toLowerCase() + "-" + System.nanoTime() + "@example.com";
		String password = "long-enough-password-" + System.nanoTime();
		AdminApi.asAdministrator(anonymous)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", name, "password", password))
			.exchange()
			.expectStatus()
			.isCreated();
		return new Member(
				anonymous.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build());
	}

	String open(String pageId) {
		return body(this.client.post()
			.uri("/api/v1/threads")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("participantIds", List.of(pageId)))
			.exchange()
			.expectStatus()
			.isCreated()).get("id").asString();
	}

	StatusAssertions post(String uri, Map<String, Object> body) {
		return this.client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus();
	}

	/**
	 * Waits for the newest bot message of the thread that matches, telling the bot's
	 * output when none comes.
	 */
	JsonNode await(String thread, Predicate<JsonNode> wanted, ExampleBotProcess bot) {
		try {
			return Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> newest(thread, wanted), Optional::isPresent)
				.orElseThrow();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No such bot message in " + thread + "; the bot said:\n" + bot.output(), ex);
		}
	}

	private Optional<JsonNode> newest(String thread, Predicate<JsonNode> wanted) {
		List<JsonNode> messages = body(
				this.client.get().uri("/api/v1/threads/{id}/messages?limit=100", thread).exchange())
			.get("data")
			.valueStream()
			.filter((message) -> message.get("from").get("type").asString().equals("bot"))
			.filter(wanted)
			.toList();
		return messages.isEmpty() ? Optional.empty() : Optional.of(messages.getLast());
	}

}
