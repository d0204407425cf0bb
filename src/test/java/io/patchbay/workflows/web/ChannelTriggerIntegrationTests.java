package io.patchbay.workflows.web;

import java.util.List;
import java.util.Map;

import io.patchbay.TestClients;
import io.patchbay.accounts.web.Sessions;
import io.patchbay.chat.web.ChatMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.patchbay.workflows.web.WorkflowHooks.channel;
import static io.patchbay.workflows.web.WorkflowHooks.create;
import static io.patchbay.workflows.web.WorkflowHooks.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The triggers that live in a channel: a shortcut its participants start from the chat
 * page's menu, and a welcome for each member added to it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChannelTriggerIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	@Test
	void aParticipantStartsAShortcutFromTheChannel() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		String support = channel(ada, "Support", bob);
		Map<String, Object> workflow = create(ada,
				Map.of("name", "Page the on-call", "trigger", Map.of("type", "shortcut", "threadId", support), "steps",
						List.of(Map.of("type", "send_message", "threadId", "{{channel}}", "text",
								"{{member}} paged the on-call"))));
		String id = (String) workflow.get("id");
		assertThat((Map<String, Object>) workflow.get("trigger")).containsEntry("type", "shortcut")
			.containsEntry("threadId", support)
			.doesNotContainKey("url");
		RestTestClient bobsApp = app(bob);
		assertThat(menu(bobsApp, support)).doesNotContain("Page the on-call");
		ada.post("/api/v1/workflows/" + id + "/publish", Map.of(), 200);
		assertThat(menu(bobsApp, support)).contains("Page the on-call");
		app(eve).get().uri("/app/workflows/shortcuts?thread=" + support).exchange().expectStatus().isNotFound();

		bobsApp.post()
			.uri("/app/workflows/" + id + "/start?thread=" + support)
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		await().until(() -> texts(ada, support).contains("@Bob paged the on-call"));
		app(eve).post().uri("/app/workflows/" + id + "/start?thread=" + support).exchange().expectStatus().isNotFound();
	}

	@Test
	void eachMemberAddedToTheChannelIsWelcomed() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember bob = ChatMember.create(this.client, "Bob");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		String team = channel(ada, "Team", bob);
		Map<String, Object> workflow = create(ada,
				Map.of("name", "Welcome", "trigger", Map.of("type", "member_joined", "threadId", team), "steps",
						List.of(Map.of("type", "send_message", "threadId", team, "text", "Welcome, {{member}}!"))));
		ada.post("/api/v1/workflows/" + workflow.get("id") + "/publish", Map.of(), 200);

		ada.post("/api/v1/threads/" + team + "/participants", Map.of("participantIds", List.of(eve.id())), 200);
		await().until(() -> texts(eve, team).contains("Welcome, @Eve!"));
		assertThat(texts(eve, team)).containsOnlyOnce("Welcome, @Eve!").doesNotContain("Welcome, @Bob!");
	}

	@Test
	void aChannelTriggerNeedsAChannelOfTheCreator() {
		ChatMember ada = ChatMember.create(this.client, "Ada");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		String elsewhere = channel(eve, "Eve's", ChatMember.create(this.client, "Zed"));
		Map<String, Object> problem = ada.json(ada.post("/api/v1/workflows", Map.of("name", "Sneaky", "trigger",
				Map.of("type", "shortcut", "threadId", elsewhere), "steps", List.of()), 400));
		assertThat(problem).containsEntry("field", "trigger.threadId");
		problem = ada
			.json(ada.post(
					"/api/v1/workflows", Map.of("name", "Declares", "trigger", Map.of("type", "member_joined",
							"threadId", elsewhere, "variables", List.of(Map.of("key", "x"))), "steps", List.of()),
					400));
		assertThat(problem).containsEntry("field", "trigger.variables");
	}

	private RestTestClient app(ChatMember member) {
		return Sessions.signIn(TestClients.withoutCookies(this.port), member.email(), member.password())
			.client(TestClients.withoutCookies(this.port));
	}

	/** The chat page's shortcut menu: nothing at all when the channel has none. */
	private static String menu(RestTestClient app, String thread) {
		return java.util.Objects.toString(app.get()
			.uri("/app/workflows/shortcuts?thread=" + thread)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody(), "");
	}

}
