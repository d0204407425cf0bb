package io.patchbay.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.patchbay.AdminApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example bots of {@code examples/} against the running Patchbay, as their README
 * sets them up: a bot created in the admin API, the example started with its token, app
 * secret and verify token, its {@code page} subscription verified by the real handshake,
 * and a member chatting with it through the member API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ExampleBotIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	@Test
	void theHelpDeskBotOffersATicketAndOpensItOnThePostback() throws Exception {
		Bot bot = Bot.create(this.client, "Help desk");
		// The console's recommended security: the bot signs its Graph calls.
		AdminApi.asAdministrator(this.client)
			.put()
			.uri("/api/admin/integrations/{id}/security", bot.id())
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("allowedIps", List.of(), "requireAppSecretProof", true, "requireAppSecretTime", true))
			.exchange()
			.expectStatus()
			.isOk();
		try (ExampleBotProcess helpdesk = ExampleBotProcess.start("helpdesk-bot",
				"io/patchbay/examples/helpdesk/HelpdeskBot.java", bot.environment(this.port))) {
			// Its profile is set at start.
			JsonNode profile = bot.graph("/graph/me/messenger_profile").get("data").get(0);
			assertThat(profile.get("get_started").get("payload").asString()).isEqualTo("GET_STARTED");
			assertThat(profile.get("greeting").toString()).contains("help desk");

			// The handshake checks the verify token; webhooks need the app secret's
			// signature.
			bot.subscribe(helpdesk.webhookUrl(), "not-the-verify-token").expectStatus().isEqualTo(422);
			bot.subscribe(helpdesk.webhookUrl(), Bot.VERIFY_TOKEN).expectStatus().isOk();
			byte[] empty = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
			assertThat(post(helpdesk, empty, "X-Hub-Signature-256", "sha256=" + "0".repeat(64))).isEqualTo(403);
			assertThat(post(helpdesk, empty, "X-Hub-Signature", "sha1=" + bot.hmac("HmacSHA1", empty, "wrong")))
				.isEqualTo(403);
			assertThat(post(helpdesk, empty, "X-Hub-Signature-256", "sha256=" + bot.hmac("HmacSHA256", empty, null)))
				.isEqualTo(200);
			assertThat(post(helpdesk, empty, "X-Hub-Signature", "sha1=" + bot.hmac("HmacSHA1", empty, null)))
				.isEqualTo(200);

			Member ada = Member.create(this.client, "Ada");
			String thread = ada.open(bot.pageId());
			ada.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "My laptop is broken")).isCreated();
			JsonNode offer = ada.await(thread, (message) -> message.has("attachment"), helpdesk);
			JsonNode template = offer.get("attachment").get("payload");
			assertThat(template.get("template_type").asString()).isEqualTo("button");
			assertThat(template.get("text").asString()).contains("My laptop is broken");
			assertThat(template.get("buttons").get(0).get("title").asString()).isEqualTo("Open a ticket");
			assertThat(template.get("buttons").get(1).get("type").asString()).isEqualTo("web_url");

			ada.post("/api/v1/messages/" + offer.get("id").asString() + "/postback", Map.of("buttonIndex", 0))
				.isNoContent();
			ada.await(thread,
					(message) -> message.get("text").asString("").startsWith("Ticket #1 is open: My laptop is broken"),
					helpdesk);
		}
	}

	@Test
	void theSurveyBotAsksWithQuickRepliesAndCardsAndSumsUp() throws Exception {
		Bot bot = Bot.create(this.client, "Survey");
		try (ExampleBotProcess survey = ExampleBotProcess.start("survey-bot",
				"io/patchbay/examples/survey/SurveyBot.java", bot.environment(this.port))) {
			bot.subscribe(survey.webhookUrl(), Bot.VERIFY_TOKEN).expectStatus().isOk();
			Member grace = Member.create(this.client, "Grace");
			String thread = grace.open(bot.pageId());
			grace.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "Hello")).isCreated();

			JsonNode tools = grace.await(thread, (message) -> message.path("quickReplies").size() == 5, survey);
			assertThat(tools.get("text").asString()).contains("work tools");
			grace.post("/api/v1/messages/" + tools.get("id").asString() + "/quick-reply", Map.of("index", 3))
				.isCreated();
			JsonNode office = grace.await(thread, (message) -> message.path("quickReplies").size() == 4, survey);
			grace.post("/api/v1/messages/" + office.get("id").asString() + "/quick-reply", Map.of("index", 1))
				.isCreated();
			JsonNode cards = grace.await(thread, (message) -> message.has("attachment"), survey);
			assertThat(cards.get("attachment").get("payload").get("template_type").asString()).isEqualTo("generic");
			assertThat(cards.get("attachment").get("payload").get("elements").size()).isEqualTo(3);
			grace.post("/api/v1/messages/" + cards.get("id").asString() + "/postback", Map.of("buttonIndex", 2))
				.isNoContent();

			JsonNode summary = grace.await(thread,
					(message) -> message.get("text").asString("").startsWith("Thank you!"), survey);
			assertThat(summary.get("text").asString()).contains("Work tools: 4", "Days at the office: 1–2",
					"Perk: Quiet rooms");
		}
	}

	/** A webhook POST straight to the bot, signed as given. */
	private static int post(ExampleBotProcess bot, byte[] body, String header, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(bot.webhookUrl()))
			.header("Content-Type", "application/json")
			.header(header, signature)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

}
