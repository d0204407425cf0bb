package io.patchbay.chat.web;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat with a bot through the member API, the signed {@code page} webhooks and the Send
 * API, as a member's app and a bot's server do it, on H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatApiIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@Autowired
	RestTestClient client;

	ChatBot bot;

	ChatMember ada;

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
		this.bot = new ChatBot(this.client, receiver, "Helpdesk");
		this.ada = ChatMember.create(this.client, "Ada");
	}

	@Test
	void aMemberTalksToABotThatAnswersWithButtonsAndGetsThePostback() {
		assertThat(this.ada.json(this.ada.get("/api/v1/bots")).get("data").toString()).contains(this.bot.pageId);
		Map<String, Object> thread = this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 201));
		String threadId = (String) thread.get("id");
		assertThat(threadId).startsWith("t_");
		assertThat(this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 200)))
			.containsEntry("id", threadId);

		Map<String, Object> hello = this.ada.json(
				this.ada.post("/api/v1/threads/" + threadId + "/messages", Map.of("text", "My laptop is broken"), 201));
		assertThat((String) hello.get("id")).startsWith("m_");
		assertThat(((Map<?, ?>) hello.get("from")).get("type")).isEqualTo("member");
		assertThat(((Map<?, ?>) hello.get("from")).get("id")).isEqualTo(this.ada.id());

		JsonNode received = this.bot.awaitEvent((event) -> event.has("message"));
		assertThat(received.get("sender").get("id").asString()).isEqualTo(this.ada.id());
		assertThat(received.get("sender").get("community").get("id").asString()).isNotEmpty();
		assertThat(received.get("recipient").get("id").asString()).isEqualTo(this.bot.pageId);
		assertThat(received.get("message").get("mid").asString()).isEqualTo(hello.get("id"));
		assertThat(received.get("message").get("text").asString()).isEqualTo("My laptop is broken");
		assertThat(received.has("thread")).as("a one-to-one thread is not named").isFalse();

		Map<String, Object> answer = this.bot.json(this.bot.send(Map.of("recipient",
				Map.of("id", received.get("sender").get("id").asString()), "message",
				Map.of("attachment", Map.of("type", "template", "payload", Map
					.of("template_type", "button", "text", "Shall I open a ticket?", "buttons", List.of(
							Map.of("type", "postback", "title", "Open a ticket", "payload", "TICKET"),
							Map.of("type", "web_url", "title", "Help pages", "url", "https://example.com/help"))))))));
		assertThat(answer).containsEntry("recipient_id", this.ada.id());
		String question = (String) answer.get("message_id");

		List<?> messages = (List<?>) this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/messages"))
			.get("data");
		assertThat(messages).hasSize(2);
		Map<?, ?> buttons = (Map<?, ?>) messages.get(1);
		assertThat(buttons.get("id")).isEqualTo(question);
		assertThat(buttons.get("attachment").toString())
			.contains("Open a ticket", "web_url", "https://example.com/help")
			.doesNotContain("TICKET");
		this.bot.awaitEvent(
				(event) -> event.has("delivery") && event.get("delivery").get("mids").toString().contains(question));

		this.ada.post("/api/v1/messages/" + question + "/postback", Map.of("buttonIndex", 0), 204);
		JsonNode postback = this.bot.awaitEvent((event) -> event.has("postback"));
		assertThat(postback.get("postback").get("payload").asString()).isEqualTo("TICKET");
		assertThat(postback.get("postback").get("title").asString()).isEqualTo("Open a ticket");
		assertThat(postback.get("postback").get("mid").asString()).isEqualTo(question);

		// Workplace bots send form fields holding JSON, with the token in the query.
		this.bot.json(this.bot.sendForm("{\"id\":\"" + this.ada.id() + "\"}", "{\"text\":\"Ticket #42 is open\"}"));
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/messages?after=" + question))
			.get("data")
			.toString()).contains("Ticket #42 is open");

		this.ada.post("/api/v1/threads/" + threadId + "/read", Map.of(), 204);
		this.bot.awaitEvent((event) -> event.has("read"));
		assertThat(this.ada.json(this.ada.get("/api/v1/threads")).get("data").toString()).contains(threadId)
			.contains("unread=0");
	}

	@Test
	void quickRepliesAnswerWithTheirTitleAndSendThePayload() {
		String threadId = (String) this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 201))
			.get("id");
		String question = (String) this.bot
			.json(this.bot.send(Map.of("recipient", Map.of("thread_key", threadId), "message",
					Map.of("text", "How was it?", "quick_replies",
							List.of(Map.of("content_type", "text", "title", "Great", "payload", "SCORE_5"),
									Map.of("content_type", "text", "title", "Meh", "payload", "SCORE_2"))))))
			.get("message_id");
		Map<String, Object> tapped = this.ada
			.json(this.ada.post("/api/v1/messages/" + question + "/quick-reply", Map.of("index", 1), 201));
		assertThat(tapped).containsEntry("text", "Meh");
		JsonNode event = this.bot
			.awaitEvent((received) -> received.has("message") && received.get("message").has("quick_reply"));
		assertThat(event.get("message").get("quick_reply").get("payload").asString()).isEqualTo("SCORE_2");
		assertThat(event.get("message").get("text").asString()).isEqualTo("Meh");
	}

	@Test
	void refusesBadMessagesAndRecipientsWithoutStoringAnything() {
		String threadId = (String) this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 201))
			.get("id");
		Map<String, Object> member = Map.of("id", this.ada.id());
		List<Map<String, Object>> four = List.of(button("1"), button("2"), button("3"), button("4"));
		expectGraphError(
				this.bot.send(Map.of("recipient", member, "message",
						Map.of("attachment",
								Map.of("type", "template", "payload",
										Map.of("template_type", "button", "text", "x", "buttons", four))))),
				400, 100, "buttons");
		expectGraphError(this.bot.send(Map.of("recipient", member, "message", Map.of("text", "x".repeat(2001)))), 400,
				100, "message.text");
		expectGraphError(
				this.bot.send(Map.of("recipient", member, "message",
						Map.of("attachment",
								Map.of("type", "template", "payload", Map.of("template_type", "carousel"))))),
				400, 100, "template_type");
		expectGraphError(
				this.bot.send(Map.of("recipient", member, "message",
						Map.of("text", "hi", "quick_replies",
								java.util.Collections.nCopies(14,
										Map.of("content_type", "text", "title", "x", "payload", "y"))))),
				400, 100, "quick_replies");
		expectGraphError(
				this.bot.send(Map.of("recipient", member, "message", Map.of("text", "hi", "quick_replies", List
					.of(Map.of("content_type", "text", "title", "a title that is far too long", "payload", "y"))))),
				400, 100, "title");
		expectGraphError(this.bot.send(Map.of("recipient", Map.of("id", "42"), "message", Map.of("text", "hi"))), 400,
				100, "recipient");
		expectGraphError(
				this.bot.send(Map.of("recipient", Map.of("thread_key", "t_42"), "message", Map.of("text", "hi"))), 400,
				100, null);

		// A deactivated member cannot be written to.
		ChatMember gone = ChatMember.create(this.client, "Gone");
		AdminApi.asAdministrator(this.client)
			.post()
			.uri("/api/admin/members/{id}/deactivate", gone.id())
			.exchange()
			.expectStatus()
			.isOk();
		expectGraphError(this.bot.send(Map.of("recipient", Map.of("id", gone.id()), "message", Map.of("text", "hi"))),
				400, 100, "deactivated");

		// Without message_any_member a bot writes to nobody, and members no longer find
		// it.
		this.bot.permissions();
		expectGraphError(this.bot.send(Map.of("recipient", member, "message", Map.of("text", "hi"))), 403, 200,
				"message_any_member");
		assertThat(this.ada.json(this.ada.get("/api/v1/bots")).get("data").toString()).doesNotContain(this.bot.pageId);
		assertThat((List<?>) this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/messages")).get("data"))
			.isEmpty();

		// Postbacks only on buttons that exist.
		this.bot.permissions("message_any_member");
		String text = (String) this.bot
			.json(this.bot.send(Map.of("recipient", member, "message", Map.of("text", "Plain text"))))
			.get("message_id");
		this.ada.post("/api/v1/messages/" + text + "/postback", Map.of("buttonIndex", 0), 400);
		String question = (String) this.bot
			.json(this.bot.send(Map.of("recipient", member, "message",
					Map.of("attachment", Map.of("type", "template", "payload",
							Map.of("template_type", "button", "text", "Pick", "buttons", List.of(button("Only"),
									Map.of("type", "web_url", "title", "Site", "url", "https://example.com"))))))))
			.get("message_id");
		this.ada.post("/api/v1/messages/" + question + "/postback", Map.of("buttonIndex", 2), 400);
		this.ada.post("/api/v1/messages/" + question + "/postback", Map.of("buttonIndex", 1), 400);
		this.ada.post("/api/v1/messages/m_42/postback", Map.of("buttonIndex", 0), 404);

		// A member writes only in their own threads.
		ChatMember bob = ChatMember.create(this.client, "Bob");
		bob.post("/api/v1/threads/" + threadId + "/messages", Map.of("text", "Let me in"), 404);
		bob.get("/api/v1/threads/" + threadId + "/messages").expectStatus().isNotFound();
		bob.post("/api/v1/threads/not-a-thread/messages", Map.of("text", "x"), 404);
		this.ada.post("/api/v1/threads/" + threadId + "/messages", Map.of("text", " "), 400);
	}

	@Test
	void groupChatsHoldMembersAndBotsAndTheBotHearsThemInItsThread() {
		ChatMember bob = ChatMember.create(this.client, "Bob");
		this.bot.permissions("message_any_member", "group_chat_bot");
		Map<String, Object> group = this.ada.json(this.ada.post("/api/v1/threads",
				Map.of("participantIds", List.of(bob.id(), this.bot.pageId), "name", "Incident room"), 201));
		String threadId = (String) group.get("id");
		assertThat(group).containsEntry("name", "Incident room").containsEntry("kind", "group");
		bob.post("/api/v1/threads/" + threadId + "/messages", Map.of("text", "Pager went off"), 201);
		JsonNode heard = this.bot.awaitEvent((event) -> event.has("message")
				&& event.get("message").get("text").asString().equals("Pager went off"));
		assertThat(heard.get("thread").get("id").asString()).isEqualTo(threadId);

		this.bot.json(this.bot
			.send(Map.of("recipient", Map.of("thread_key", threadId), "message", Map.of("text", "Acknowledged"))));
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/messages")).get("data").toString())
			.contains("Acknowledged");
		this.bot.graph("/graph/{id}?fields=participants,name", threadId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Incident room")
			.jsonPath("$.participants.data.length()")
			.isEqualTo(3);

		// A bot's new group chat with one member is still a group chat.
		Map<String, Object> created = this.bot.json(
				this.bot.send(Map.of("recipient", Map.of("ids", List.of(bob.id())), "message", Map.of("text", "Hi"))));
		assertThat((String) created.get("thread_key")).startsWith("t_");
	}

	@Test
	void getStartedAndThePersistentMenuSendPostbacksWithoutAMessage() {
		String threadId = (String) this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 201))
			.get("id");
		// Without a profile there is nothing to click.
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/bot-profile")))
			.containsEntry("greeting", null)
			.containsEntry("getStarted", false)
			.containsEntry("persistentMenu", List.of());
		this.ada.post("/api/v1/threads/" + threadId + "/get-started", Map.of(), 400);
		this.ada.post("/api/v1/threads/" + threadId + "/menu", Map.of("index", 0), 400);

		this.bot.profile(Map.of("get_started", Map.of("payload", "START"), "greeting",
				List.of(Map.of("locale", "default", "text",
						"Hello, I open tickets"), Map.of("locale", "fr_FR", "text", "Bonjour, j’ouvre des tickets")),
				"persistent_menu", List.of(
						Map.of("locale", "default", "call_to_actions",
								List.of(ChatBot.postback("Help", "MENU_HELP"),
										ChatBot.postback("My tickets", "MENU_TICKETS"))),
						Map.of("locale", "fr", "call_to_actions", List.of(ChatBot.postback("Aide", "MENU_AIDE"))))));
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/bot-profile")))
			.containsEntry("greeting", "Hello, I open tickets")
			.containsEntry("getStarted", true)
			.containsEntry("persistentMenu", List.of(Map.of("title", "Help"), Map.of("title", "My tickets")))
			.doesNotContainValue("START");
		assertThat(this.ada.json(this.ada.client()
			.get()
			.uri("/api/v1/threads/" + threadId + "/bot-profile")
			.header("Accept-Language", "fr")
			.exchange())).containsEntry("greeting", "Bonjour, j’ouvre des tickets");

		this.ada.post("/api/v1/threads/" + threadId + "/get-started", Map.of(), 204);
		JsonNode started = this.bot.awaitEvent((event) -> event.has("postback"));
		assertThat(started.get("postback").get("payload").asString()).isEqualTo("START");
		assertThat(started.get("postback").has("mid")).as("Get started belongs to no message").isFalse();
		assertThat(started.get("sender").get("id").asString()).isEqualTo(this.ada.id());

		this.ada.post("/api/v1/threads/" + threadId + "/menu", Map.of("index", 1), 204);
		JsonNode menu = this.bot.awaitEvent((event) -> event.has("postback")
				&& event.get("postback").get("payload").asString().equals("MENU_TICKETS"));
		assertThat(menu.get("postback").get("title").asString()).isEqualTo("My tickets");
		assertThat(menu.get("postback").has("mid")).isFalse();
		// The menu in the member's language: French has one entry.
		this.ada.client()
			.post()
			.uri("/api/v1/threads/" + threadId + "/menu")
			.header("Accept-Language", "fr")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("index", 0))
			.exchange()
			.expectStatus()
			.isNoContent();
		this.bot.awaitEvent((event) -> event.has("postback")
				&& event.get("postback").get("payload").asString().equals("MENU_AIDE"));

		int postbacks = postbacks();
		this.ada.post("/api/v1/threads/" + threadId + "/menu", Map.of("index", 2), 400);
		this.ada.post("/api/v1/threads/" + threadId + "/menu", Map.of("index", -1), 400);
		this.ada.post("/api/v1/threads/" + threadId + "/menu", Map.of(), 400);
		ChatMember bob = ChatMember.create(this.client, "Bob");
		bob.post("/api/v1/threads/" + threadId + "/get-started", Map.of(), 404);
		bob.post("/api/v1/threads/" + threadId + "/menu", Map.of("index", 0), 404);
		bob.get("/api/v1/threads/" + threadId + "/bot-profile").expectStatus().isNotFound();
		this.ada.post("/api/v1/threads/t_42/get-started", Map.of(), 404);

		// Neither belongs to a group chat, even one with the bot, nor to a chat between
		// members.
		this.bot.permissions("message_any_member", "group_chat_bot");
		String group = (String) this.ada
			.json(this.ada.post("/api/v1/threads",
					Map.of("participantIds", List.of(bob.id(), this.bot.pageId), "name", "Desk"), 201))
			.get("id");
		this.ada.post("/api/v1/threads/" + group + "/get-started", Map.of(), 400);
		this.ada.post("/api/v1/threads/" + group + "/menu", Map.of("index", 0), 400);
		String direct = (String) this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id())), 201))
			.get("id");
		this.ada.post("/api/v1/threads/" + direct + "/get-started", Map.of(), 400);
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + direct + "/bot-profile")))
			.containsEntry("getStarted", false);
		assertThat(postbacks()).as("no refused click reached the bot").isEqualTo(postbacks);
	}

	@Test
	void aMembersGroupChatHasAName() {
		ChatMember bob = ChatMember.create(this.client, "Bob");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id(), eve.id())), 400)
			.expectBody()
			.jsonPath("$.detail")
			.value(String.class, (detail) -> assertThat(detail).contains("name"));
		this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(bob.id(), eve.id()), "name", "  "), 400);
		assertThat(this.ada.json(this.ada.post("/api/v1/threads",
				Map.of("participantIds", List.of(bob.id(), eve.id()), "name", "Lunch"), 201)))
			.containsEntry("kind", "group");
	}

	private int postbacks() {
		return (int) this.bot.events().stream().filter((event) -> event.has("postback")).count();
	}

	private static Map<String, Object> button(String title) {
		return Map.of("type", "postback", "title", title, "payload", "P_" + title);
	}

	private static void expectGraphError(RestTestClient.ResponseSpec response, int status, int code, String mentioned) {
		var body = response.expectStatus().isEqualTo(status).expectBody();
		body.jsonPath("$.error.code").isEqualTo(code);
		if (mentioned != null) {
			body.jsonPath("$.error.message").value(String.class, (message) -> assertThat(message).contains(mentioned));
		}
	}

}
