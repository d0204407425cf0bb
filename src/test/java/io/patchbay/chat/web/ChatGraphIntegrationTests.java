package io.patchbay.chat.web;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Threads through the Graph API: group chats a bot manages, the bot's Messenger profile,
 * and compliance reading ({@code read_all_messages}, {@code user} {@code message_sends}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatGraphIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	@BeforeAll
	static void start() {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@Test
	void aBotManagesTheGroupChatsItIsIn() {
		ChatBot bot = new ChatBot(this.client, receiver, "Ops bot");
		bot.permissions("message_any_member", "group_chat_bot");
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		String thread = (String) bot
			.json(bot
				.send(Map.of("recipient", Map.of("ids", List.of(ada.id())), "message", Map.of("text", "On call?"))))
			.get("thread_key");

		graphPost(bot, "/graph/" + thread + "/participants", Map.of("to", List.of(bob.id()))).expectStatus().isOk();
		graphPost(bot, "/graph/" + thread + "/threadname", Map.of("name", "On call")).expectStatus().isOk();
		bot.graph("/graph/{id}?fields=name,participants", thread)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("On call")
			.jsonPath("$.participants.data.length()")
			.isEqualTo(3);
		assertThat(bob.json(bob.get("/api/v1/threads/" + thread)).get("name")).isEqualTo("On call");
		bot.client.delete()
			.uri("/graph/{id}/participants?to={member}", thread, bob.id())
			.header("Authorization", "Bearer " + bot.token)
			.exchange()
			.expectStatus()
			.isOk();
		bob.get("/api/v1/threads/" + thread).expectStatus().isNotFound();
		bot.graph("/graph/{id}/messages?fields=id,message,from", thread)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].message")
			.isEqualTo("On call?")
			.jsonPath("$.data[0].from.id")
			.isEqualTo(bot.pageId);

		// Without group_chat_bot the bot changes no group chat; a thread it is not in
		// does
		// not exist for it.
		bot.permissions("message_any_member");
		graphPost(bot, "/graph/" + thread + "/threadname", Map.of("name", "Mine")).expectStatus().isForbidden();
		String private1 = (String) ada
			.json(ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id())), 201))
			.get("id");
		bot.graph("/graph/{id}", private1)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.error_subcode")
			.isEqualTo(33);
	}

	@Test
	void aBotSetsReadsAndDeletesItsMessengerProfile() {
		ChatBot bot = new ChatBot(this.client, receiver, "Greeter");
		graphPost(bot, "/graph/me/messenger_profile", Map.of("get_started", Map.of("payload", "START"), "greeting",
				List.of(Map.of("locale", "default", "text", "Hello!"), Map.of("locale", "fr_FR", "text", "Bonjour !")),
				"persistent_menu",
				List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("type", "postback", "title", "Help", "payload", "HELP"))))))
			.expectStatus()
			.isOk();
		bot.graph("/graph/me/messenger_profile?fields=get_started,greeting")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].get_started.payload")
			.isEqualTo("START")
			.jsonPath("$.data[0].greeting.length()")
			.isEqualTo(2)
			.jsonPath("$.data[0].persistent_menu")
			.doesNotExist();
		bot.client.delete()
			.uri("/graph/me/messenger_profile?fields=greeting")
			.header("Authorization", "Bearer " + bot.token)
			.exchange()
			.expectStatus()
			.isOk();
		bot.graph("/graph/me/messenger_profile")
			.expectBody()
			.jsonPath("$.data[0].greeting")
			.doesNotExist()
			.jsonPath("$.data[0].persistent_menu[0].call_to_actions[0].payload")
			.isEqualTo("HELP");
		graphPost(bot, "/graph/me/messenger_profile",
				Map.of("greeting", List.of(Map.of("locale", "default", "text", "x".repeat(161)))))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(100);
	}

	@Test
	void complianceIntegrationsReadEveryConversationAndHearEveryMessage() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		ChatBot auditor = new ChatBot(this.client, receiver, "Auditor");
		auditor.permissions("read_all_messages");
		String path = "/compliance/" + auditor.id;
		receiver.stubFor(get(urlPathEqualTo(path))
			.willReturn(aResponse().withStatus(200).withBody("{{request.query.[hub.challenge]}}")));
		receiver.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)));
		AdminApi.asAdministrator(this.client)
			.put()
			.uri("/api/admin/integrations/{id}/webhooks/user", auditor.id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("callbackUrl", receiver.baseUrl() + path, "verifyToken", "audit", "fields",
					List.of("message_sends")))
			.exchange()
			.expectStatus()
			.isOk();

		String thread = (String) ada.json(ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id())), 201))
			.get("id");
		ada.post("/api/v1/threads/" + thread + "/messages", Map.of("text", "Between us"), 201);
		await().until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo(path)))
			.stream()
			.anyMatch((request) -> request.getBodyAsString().contains("Between us")
					&& request.getBodyAsString().contains("message_sends")));
		auditor.graph("/graph/{id}/conversations", ada.id())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(thread);
		auditor.graph("/graph/{id}/messages", thread)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].message")
			.isEqualTo("Between us");

		ChatBot curious = new ChatBot(this.client, receiver, "Curious");
		curious.graph("/graph/{id}/conversations", ada.id())
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.error.code")
			.isEqualTo(10);
	}

	private static RestTestClient.ResponseSpec graphPost(ChatBot bot, String uri, Map<String, Object> body) {
		return bot.client.post()
			.uri(uri)
			.header("Authorization", "Bearer " + bot.token)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
