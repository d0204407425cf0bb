package io.patchbay.workflows.web;

import java.util.List;
import java.util.Map;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import io.patchbay.chat.web.ChatMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.patchbay.workflows.web.WorkflowHooks.channel;
import static io.patchbay.workflows.web.WorkflowHooks.create;
import static io.patchbay.workflows.web.WorkflowHooks.finishedRun;
import static io.patchbay.workflows.web.WorkflowHooks.publish;
import static io.patchbay.workflows.web.WorkflowHooks.texts;
import static io.patchbay.workflows.web.WorkflowHooks.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook triggers as an external service uses them (seed 004): the support-ticket
 * workflow end to end, every refusal in the trigger's format, the rate limit, URL
 * regeneration and drafts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WorkflowTriggerIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	/**
	 * The external service: no cookies, and no automatic retries (the context's Apache
	 * client would wait out a 429's Retry-After and send again).
	 */
	RestTestClient sender;

	ChatMember ada;

	ChatMember bob;

	String support;

	@BeforeEach
	void setUp() {
		this.sender = TestClients.withoutCookies(this.port);
		this.ada = ChatMember.create(this.client, "Ada");
		this.bob = ChatMember.create(this.client, "Bob Agent");
		this.support = channel(this.ada, "Support", this.bob);
	}

	@Test
	void aPostedTicketIsAnnouncedInTheChannelWithTheAgentMentioned() {
		Map<String, Object> workflow = create(this.ada, ticketWorkflow("New ticket"));
		assertThat(workflow).containsEntry("status", "draft");
		assertThat((Map<String, Object>) workflow.get("samplePayload"))
			.containsEntry("support_ticket_link", "Example text")
			.containsKey("assigned_support_agent");
		assertThat(((Map<?, ?>) workflow.get("trigger")).get("url").toString()).endsWith("/hooks/workflows/*****");
		String hook = publish(this.ada, workflow);

		EntityExchangeResult<Map<String, Object>> accepted = trigger(this.sender, hook,
				"{\"support_ticket_link\":\"https://help.example.com/t/42\",\"assigned_support_agent\":\""
						+ this.bob.email() + "\",\"extra\":\"ignored\"}");
		assertThat(accepted.getStatus().value()).isEqualTo(200);
		assertThat(accepted.getResponseBody()).containsEntry("ok", true).containsKey("runId");

		String expected = "New ticket https://help.example.com/t/42 assigned to @Bob Agent";
		await().until(() -> texts(this.bob, this.support).contains(expected));
		Map<?, ?> message = ((List<Map<?, ?>>) this.bob
			.json(this.bob.get("/api/v1/threads/" + this.support + "/messages"))
			.get("data")).getLast();
		assertThat((Map<String, Object>) message.get("from")).containsEntry("type", "workflow")
			.containsEntry("name", "Ticket router");
		Map<String, Object> run = finishedRun(this.ada, (String) workflow.get("id"),
				(String) accepted.getResponseBody().get("runId"));
		assertThat(run).containsEntry("status", "succeeded").containsEntry("trigger", "webhook");
		assertThat((Map<String, Object>) run.get("variables")).containsEntry("assigned_support_agent", this.bob.id())
			.doesNotContainKey("extra");
		assertThat((List<Map<String, Object>>) run.get("steps")).singleElement()
			.satisfies((step) -> assertThat(step).containsEntry("status", "succeeded"));
	}

	@Test
	void badRequestsAreRefusedInTheTriggersFormatAndQueueNothing() {
		assertRefused(this.sender, "{\"support_ticket_link\":\"x\"}", MediaType.APPLICATION_JSON, 400,
				"missing_variable", "assigned_support_agent");
		assertRefused(this.sender, "{\"support_ticket_link\":\"x\",\"assigned_support_agent\":\"nobody@example.com\"}",
				MediaType.APPLICATION_JSON, 400, "unknown_member", "assigned_support_agent");
		assertRefused(this.sender, "{\"support_ticket_link\":{\"a\":1},\"assigned_support_agent\":\"x\"}",
				MediaType.APPLICATION_JSON, 400, "nested_value", "support_ticket_link");
		assertRefused(this.sender, "not json", MediaType.APPLICATION_JSON, 400, "invalid_json", null);
		assertRefused(this.sender, "[\"a\"]", MediaType.APPLICATION_JSON, 400, "invalid_json", null);
		assertRefused(this.sender, "support_ticket_link=x", MediaType.APPLICATION_FORM_URLENCODED, 415,
				"invalid_content_type", null);
		assertRefused(this.sender, "{\"support_ticket_link\":\"" + "x".repeat(70_000) + "\"}",
				MediaType.APPLICATION_JSON, 413, "body_too_large", null);
	}

	@Test
	void aSecondRequestWithinASecondIsRateLimited() {
		String hook = publish(this.ada, create(this.ada, ticketWorkflow("Limited")));
		String body = "{\"support_ticket_link\":\"l\",\"assigned_support_agent\":\"" + this.bob.id() + "\"}";
		assertThat(trigger(this.sender, hook, body).getStatus().value()).isEqualTo(200);
		EntityExchangeResult<Map<String, Object>> limited = trigger(this.sender, hook, body);
		assertThat(limited.getStatus().value()).isEqualTo(429);
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(limited.getResponseBody()).containsEntry("ok", false).containsEntry("error", "rate_limited");
		// The bucket refills: within a second or so the URL accepts again.
		await().until(() -> trigger(this.sender, hook, body).getStatus().value() == 200);
	}

	@Test
	void onlyAPostTriggers() {
		String hook = publish(this.ada, create(this.ada, ticketWorkflow("Posted only")));
		EntityExchangeResult<Map<String, Object>> got = this.sender.get()
			.uri(hook)
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult();
		assertThat(got.getStatus().value()).isEqualTo(405);
		assertThat(got.getResponseHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(got.getResponseBody()).containsEntry("ok", false).containsEntry("error", "method_not_allowed");
	}

	@Test
	void aRefusedRequestCountsAgainstTheLimitToo() {
		Map<String, Object> workflow = create(this.ada, ticketWorkflow("Counted"));
		String hook = publish(this.ada, workflow);
		assertThat(trigger(this.sender, hook, "not json").getStatus().value()).isEqualTo(400);
		String body = "{\"support_ticket_link\":\"c\",\"assigned_support_agent\":\"" + this.bob.id() + "\"}";
		EntityExchangeResult<Map<String, Object>> limited = trigger(this.sender, hook, body);
		assertThat(limited.getStatus().value()).isEqualTo(429);
		assertThat(limited.getResponseBody()).containsEntry("error", "rate_limited");
		assertThat(
				(List<?>) this.ada.json(this.ada.get("/api/v1/workflows/" + workflow.get("id") + "/runs")).get("data"))
			.isEmpty();
	}

	@Test
	void aRegeneratedUrlReplacesTheOldOneAtOnce() {
		Map<String, Object> workflow = create(this.ada, ticketWorkflow("Rotated"));
		String old = publish(this.ada, workflow);
		Map<String, Object> regenerated = this.ada
			.json(this.ada.post("/api/v1/workflows/" + workflow.get("id") + "/webhook-url/regenerate", Map.of(), 200));
		String fresh = ((String) regenerated.get("url")).replaceFirst("^https?://[^/]+", "");
		assertThat(fresh).isNotEqualTo(old);
		String body = "{\"support_ticket_link\":\"r\",\"assigned_support_agent\":\"" + this.bob.id() + "\"}";
		EntityExchangeResult<Map<String, Object>> gone = trigger(this.sender, old, body);
		assertThat(gone.getStatus().value()).isEqualTo(404);
		assertThat(gone.getResponseBody()).containsEntry("ok", false).containsEntry("error", "not_found");
		assertThat(trigger(this.sender, fresh, body).getStatus().value()).isEqualTo(200);
	}

	@Test
	void draftAndUnpublishedUrlsAnswerNotFound() {
		Map<String, Object> workflow = create(this.ada, ticketWorkflow("Draft"));
		String id = (String) workflow.get("id");
		String hook = WorkflowHooks.revealedPath(this.ada, id);
		String body = "{\"support_ticket_link\":\"d\",\"assigned_support_agent\":\"" + this.bob.id() + "\"}";
		assertThat(trigger(this.sender, hook, body).getStatus().value()).isEqualTo(404);
		publish(this.ada, workflow);
		this.ada.post("/api/v1/workflows/" + id + "/unpublish", Map.of(), 200);
		assertThat(trigger(this.sender, hook, body).getStatus().value()).isEqualTo(404);
		assertThat(trigger(this.sender, "/hooks/workflows/unknown-secret", body).getStatus().value()).isEqualTo(404);
	}

	@Test
	void valuesAreInsertedAsLiteralText() {
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Echo", "trigger",
						Map.of("type", "webhook", "variables", List.of(Map.of("key", "note"))), "steps",
						List.of(Map.of("type", "send_message", "threadId", this.support, "text", "Note: {{note}}"))));
		String hook = publish(this.ada, workflow);
		String note = "@[" + this.bob.id() + "] **bold** <b>html</b> {{note}}";
		assertThat(trigger(this.sender, hook, "{\"note\":" + quoted(note) + "}").getStatus().value()).isEqualTo(200);
		await().until(() -> texts(this.bob, this.support).contains("Note: " + note));
	}

	@Test
	void aGroupPostMentionsTheMemberVariableAndNothingElse() {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		String group = (String) admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Tickets " + System.nanoTime(), "privacy", "CLOSED"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(WorkflowHooks.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		admin.post()
			.uri("/api/admin/groups/" + group + "/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(this.ada.id(), this.bob.id())))
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Poster", "trigger",
						Map.of("type", "webhook", "variables",
								List.of(Map.of("key", "agent", "type", "member"), Map.of("key", "note"))),
						"steps",
						List.of(Map.of("type", "group_post", "groupId", group, "text", "{{agent}} takes: {{note}}"))));
		String hook = publish(this.ada, workflow);
		String note = "@[" + this.ada.id() + "] **now**";
		assertThat(trigger(this.sender, hook, "{\"agent\":\"" + this.bob.id() + "\",\"note\":" + quoted(note) + "}")
			.getStatus()
			.value()).isEqualTo(200);

		Map<?, ?> post = await()
			.until(() -> (List<Map<?, ?>>) this.bob.json(this.bob.get("/api/v1/groups/" + group + "/feed")).get("data"),
					(posts) -> !posts.isEmpty())
			.getFirst();
		assertThat((Map<String, Object>) post.get("from")).containsEntry("type", "WORKFLOW");
		assertThat(post.get("message"))
			.isEqualTo("@[" + this.bob.id() + "] takes: @\u2060[" + this.ada.id() + "] **now**");
		assertThat(post.get("formatting")).isEqualTo("PLAINTEXT");
		assertThat(post.get("mentions").toString()).contains(this.bob.id()).doesNotContain(this.ada.id());
	}

	@Test
	void aChannelVariableMustNameAChannelTheWorkflowMayPostIn() {
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Router", "trigger",
						Map.of("type", "webhook", "variables", List.of(Map.of("key", "where", "type", "channel"))),
						"steps", List.of(Map.of("type", "send_message", "threadId", "{{where}}", "text", "Routed"))));
		String hook = publish(this.ada, workflow);
		ChatMember eve = ChatMember.create(this.client, "Eve");
		String elsewhere = channel(eve, "Not Ada's", this.bob);
		EntityExchangeResult<Map<String, Object>> refused = trigger(this.sender, hook,
				"{\"where\":\"" + elsewhere + "\"}");
		assertThat(refused.getStatus().value()).isEqualTo(400);
		assertThat(refused.getResponseBody()).containsEntry("error", "unknown_channel")
			.containsEntry("variable", "where");
		await()
			.until(() -> trigger(this.sender, hook, "{\"where\":\"" + this.support + "\"}").getStatus().value() == 200);
		await().until(() -> texts(this.bob, this.support).contains("Routed"));
	}

	private void assertRefused(RestTestClient anonymous, String body, MediaType type, int status, String error,
			String variable) {
		// A workflow per request: the rate limit would otherwise answer the second.
		Map<String, Object> workflow = create(this.ada, ticketWorkflow("Refusals"));
		String hook = publish(this.ada, workflow);
		EntityExchangeResult<Map<String, Object>> refused = trigger(anonymous, hook, body, type);
		assertThat(refused.getStatus().value()).as(body).isEqualTo(status);
		assertThat(refused.getResponseBody()).containsEntry("ok", false).containsEntry("error", error);
		if (variable != null) {
			assertThat(refused.getResponseBody()).containsEntry("variable", variable);
		}
		assertThat(
				(List<?>) this.ada.json(this.ada.get("/api/v1/workflows/" + workflow.get("id") + "/runs")).get("data"))
			.isEmpty();
	}

	private Map<String, Object> ticketWorkflow(String text) {
		return Map.of("name", "Ticket router", "description", "Announces new tickets", "trigger",
				Map.of("type", "webhook", "variables",
						List.of(Map.of("key", "support_ticket_link"),
								Map.of("key", "assigned_support_agent", "type", "member"))),
				"steps", List.of(Map.of("type", "send_message", "threadId", this.support, "text",
						text + " {{support_ticket_link}} assigned to {{assigned_support_agent}}")));
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
