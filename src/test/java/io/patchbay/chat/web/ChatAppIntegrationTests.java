package io.patchbay.chat.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member app's chat pages over HTTP, in a session opened by claiming an invitation:
 * the threads and the "New chat" picker, a thread with a bot's templates, posting with
 * and without htmx, the live fragments, English and French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatAppIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	ChatBot bot;

	ChatMember ada;

	RestTestClient app;

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
		this.anonymous = TestClients.withoutCookies(this.port);
		this.bot = new ChatBot(this.anonymous, receiver, "Helpdesk");
		this.ada = ChatMember.invite(this.anonymous, "Ada " + System.nanoTime());
		this.app = this.ada.signIn(this.port);
	}

	@Test
	void thePickerListsListedBotsAndActiveMembersOnly() {
		String tag = "Pick" + System.nanoTime();
		ChatMember grace = ChatMember.create(this.anonymous, tag + " Grace");
		ChatMember gone = ChatMember.create(this.anonymous, tag + " Gone");
		AdminApi.asAdministrator(this.anonymous)
			.post()
			.uri("/api/admin/members/{id}/deactivate", gone.id())
			.exchange()
			.expectStatus()
			.isOk();
		ChatBot hidden = new ChatBot(this.anonymous, receiver, "Hidden");
		hidden.visible(false);
		ChatBot mute = new ChatBot(this.anonymous, receiver, "Mute");
		mute.permissions();
		this.bot.logo();

		String page = page(this.app, "/app/chat?q=" + tag);
		assertThat(page)
			.contains("New chat", this.bot.name, "value=\"" + this.bot.pageId + "\"",
					"/api/v1/integrations/" + this.bot.id + "/logo", tag + " Grace", "value=\"" + grace.id() + "\"")
			.doesNotContain(tag + " Gone", hidden.name, mute.name, "value=\"" + this.ada.id() + "\"");
		assertThat(page(this.app, "/app/chat?q=nobody-" + System.nanoTime())).contains("Nobody matches.");
		assertThat(page(french(this.app), "/app/chat")).contains("Nouvelle discussion", "Discussions");
	}

	@Test
	void aMemberOpensABotThreadSeesItsTemplatesAndAnswers() {
		this.bot.logo();
		String picker = page(this.app, "/app/chat");
		String location = form(this.app, "/app/chat", "participant=" + this.bot.pageId, picker);
		assertThat(location).matches(".*/app/chat/t_\\d+");
		String path = location.replaceFirst("^https?://[^/]+", "");
		String threadId = path.substring(path.lastIndexOf('/') + 1);
		// The same bot again is the same thread.
		assertThat(form(this.app, "/app/chat", "participant=" + this.bot.pageId, picker)).isEqualTo(location);

		String thread = page(this.app, path);
		assertThat(thread).contains(this.bot.name, "No messages yet", "name=\"csrf-token\"",
				"data-thread-id=\"" + threadId + "\"", "/js/chat-", "{name} is typing…");

		// Without JavaScript: a plain form post goes back to the thread.
		assertThat(form(this.app, path + "/messages", "text=" + encode("My laptop <b>broke</b>"), thread))
			.endsWith(path);
		JsonNode hello = this.bot.awaitEvent((event) -> event.has("message"));
		assertThat(hello.get("message").get("text").asString()).isEqualTo("My laptop <b>broke</b>");

		String question = this.bot.sendButtons(this.ada.id(), "Shall I open a ticket?", List
			.of(ChatBot.postback("Open a ticket", "TICKET"), ChatBot.webUrl("Help pages", "https://example.com/help")));
		Map<String, Object> laptop = Map.of("title", "Laptop", "subtitle", "ThinkPad", "image_url",
				"https://example.com/l.png", "buttons", List.of(ChatBot.postback("This one", "PICK_1")));
		Map<String, Object> cards = Map.of("template_type", "generic", "elements", List.of(laptop));
		String card = (String) this.bot
			.json(this.bot.send(Map.of("recipient", Map.of("id", this.ada.id()), "message",
					Map.of("attachment", Map.of("type", "template", "payload", cards), "quick_replies",
							List.of(Map.of("content_type", "text", "title", "Thanks", "payload", "THANKS"))))))
			.get("message_id");
		thread = page(this.app, path);
		assertThat(thread)
			.contains("My laptop &lt;b&gt;broke&lt;/b&gt;", "Shall I open a ticket?", "Open a ticket",
					"href=\"https://example.com/help\" target=\"_blank\" rel=\"noopener noreferrer\"", "Laptop",
					"ThinkPad", "href=\"https://example.com/l.png\"", ">Thanks</button>",
					"/api/v1/integrations/" + this.bot.id + "/logo", ">Bot</span>", "id=\"" + question + "\"")
			.doesNotContain("<b>broke", "TICKET", "<img src=\"https://example.com");
		assertThat(thread.indexOf("id=\"" + question + "\"")).isLessThan(thread.indexOf("id=\"" + card + "\""));
		// Showing the thread told the bot it was delivered and read.
		this.bot.awaitEvent(
				(event) -> event.has("delivery") && event.get("delivery").get("mids").toString().contains(card));
		this.bot.awaitEvent((event) -> event.has("read"));

		// With htmx: the answer is the member's new message, to append.
		String answer = htmx(this.app, path + "/messages/" + question + "/postback", "button=0", thread);
		assertThat(answer).doesNotContain("<li");
		assertThat(this.bot.awaitEvent((event) -> event.has("postback")).get("postback").get("payload").asString())
			.isEqualTo("TICKET");
		form(this.app, path + "/messages/" + card + "/postback", "button=0", thread);
		this.bot.awaitEvent(
				(event) -> event.has("postback") && event.get("postback").get("payload").asString().equals("PICK_1"));
		String tapped = htmx(this.app, path + "/messages/" + card + "/quick-reply", "index=0", thread);
		assertThat(tapped).startsWith("<li id=\"m_").contains("Thanks").contains("id=\"chat-error\"");
		this.bot.awaitEvent((event) -> event.has("message") && event.get("message").has("quick_reply"));
		String sent = htmx(this.app, path + "/messages", "text=" + encode("Thank you"), thread);
		assertThat(sent).contains("Thank you", "mine");

		// A web_url button sends nothing: the error line says so, nothing reaches the
		// bot.
		assertThat(htmx(this.app, path + "/messages/" + question + "/postback", "button=1", thread))
			.contains("can no longer be used");
		assertThat(form(this.app, path + "/messages/" + question + "/postback", "button=7", thread)).endsWith(path);
		assertThat(page(this.app, path)).contains("can no longer be used");

		// The live fragments: what came after a message, and the unread count.
		String fresh = page(this.app, path + "/messages?after=" + question);
		assertThat(fresh).startsWith("<ol").contains(card, "Thank you").doesNotContain("id=\"" + question + "\"");
		this.bot.sendText(this.ada.id(), "Ticket #42 is open");
		assertThat(page(this.app, "/app/chat/unread")).contains("id=\"chat-unread\"", ">1<");
		String list = page(this.app, "/app/chat/threads");
		assertThat(list).startsWith("<section id=\"threads\"").contains(this.bot.name, "hx-swap-oob=\"true\"");
		assertThat(page(this.app, "/app")).contains("/app/chat", "1 unread message");
		page(this.app, path);
		assertThat(page(this.app, "/app/chat/unread")).contains("hidden");
	}

	@Test
	void anEmptyBotThreadGreetsInTheMembersLanguageAndOffersGetStartedAndTheMenu() {
		this.bot.profile(Map.of("get_started", Map.of("payload", "START"), "greeting",
				List.of(Map.of("locale", "default", "text", "Hello, I open tickets"),
						Map.of("locale", "fr_FR", "text", "Bonjour, j’ouvre des tickets")),
				"persistent_menu", List.of(Map.of("locale", "default", "call_to_actions", List
					.of(ChatBot.postback("Help", "MENU_HELP"), ChatBot.postback("My tickets", "MENU_TICKETS"))))));
		String picker = page(this.app, "/app/chat");
		String path = form(this.app, "/app/chat", "participant=" + this.bot.pageId, picker)
			.replaceFirst("^https?://[^/]+", "");
		String thread = page(this.app, path);
		assertThat(thread)
			.contains("Hello, I open tickets", ">Get started</button>", path + "/get-started", "Menu", ">Help</button>",
					">My tickets</button>")
			.doesNotContain("START", "MENU_HELP");
		assertThat(page(french(this.app), path)).contains("Bonjour, j’ouvre des tickets", ">Démarrer</button>");

		assertThat(htmx(this.app, path + "/get-started", "x=1", thread)).doesNotContain("<li");
		assertThat(this.bot.awaitEvent((event) -> event.has("postback")).get("postback").get("payload").asString())
			.isEqualTo("START");
		assertThat(form(this.app, path + "/menu", "index=1", thread)).endsWith(path);
		this.bot.awaitEvent((event) -> event.has("postback")
				&& event.get("postback").get("payload").asString().equals("MENU_TICKETS"));
		assertThat(htmx(this.app, path + "/menu", "index=5", thread)).contains("can no longer be used");
		this.app.post()
			.uri(path + "/menu")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("_csrf=" + ChatMember.csrf(thread))
			.exchange()
			.expectStatus()
			.isBadRequest();

		// Once the thread has messages the greeting gives way to them; the menu stays.
		this.bot.sendText(this.ada.id(), "How can I help?");
		assertThat(page(this.app, path)).contains("How can I help?", ">My tickets</button>")
			.doesNotContain("Hello, I open tickets", ">Get started</button>");
	}

	@Test
	void aGroupChatNeedsANameAndIsNamedByIt() {
		ChatMember bob = ChatMember.create(this.anonymous, "Bob");
		ChatMember eve = ChatMember.create(this.anonymous, "Eve");
		String picker = page(this.app, "/app/chat");
		String refused = this.app.post()
			.uri("/app/chat")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("participant=" + bob.id() + "&participant=" + eve.id() + "&_csrf=" + ChatMember.csrf(picker))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("A group chat needs a name", "value=\"" + bob.id() + "\" checked=\"checked\"");
		String location = form(this.app, "/app/chat",
				"participant=" + bob.id() + "&participant=" + eve.id() + "&name=Lunch+crew", picker);
		String group = page(this.app, location.replaceFirst("^https?://[^/]+", ""));
		assertThat(group).contains("Lunch crew", "Participants:", "Bob", "Eve");
		assertThat(page(this.app, "/app/chat")).contains("Lunch crew", "Group of 3");
		assertThat(form(this.app, "/app/chat", "name=Nobody", picker)).isNull();
	}

	@Test
	void aThreadIsNotFoundForOthersAndForMalformedIds() {
		String threadId = (String) this.ada
			.json(this.ada.post("/api/v1/threads", Map.of("participantIds", List.of(this.bot.pageId)), 201))
			.get("id");
		RestTestClient bob = ChatMember.invite(this.anonymous, "Bob").signIn(this.port);
		String message = this.bot.sendText(this.ada.id(), "Private");
		for (String path : List.of("/app/chat/" + threadId, "/app/chat/" + threadId + "/messages?after=" + message,
				"/app/chat/not-a-thread", "/app/chat/t_x1", "/app/chat/t_42",
				"/app/chat/" + threadId + "/messages?after=zz")) {
			assertThat(bob.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()).as(path).doesNotContain("Private");
		}
		String page = page(bob, "/app/chat");
		bob.post()
			.uri("/app/chat/{t}/messages", threadId)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("text=Let+me+in&_csrf=" + ChatMember.csrf(page))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(this.ada.json(this.ada.get("/api/v1/threads/" + threadId + "/messages")).get("data").toString())
			.doesNotContain("Let me in");
	}

	private static RestTestClient french(RestTestClient client) {
		return client.mutate().defaultHeader("Accept-Language", "fr").build();
	}

	static String page(RestTestClient client, String uri) {
		return client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/** A plain form post: where it redirects to (null when it answered a page). */
	private static String form(RestTestClient client, String uri, String body, String page) {
		return client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(body + "&_csrf=" + ChatMember.csrf(page))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseHeaders()
			.getFirst("Location");
	}

	private static String htmx(RestTestClient client, String uri, String body, String page) {
		return client.post()
			.uri(uri)
			.header("HX-Request", "true")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(body + "&_csrf=" + ChatMember.csrf(page))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.strip();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
