package io.patchbay.workflows.web;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import io.patchbay.accounts.web.Sessions;
import io.patchbay.chat.web.ChatMember;
import io.patchbay.connections.web.ExternalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.patchbay.workflows.web.WorkflowHooks.channel;
import static io.patchbay.workflows.web.WorkflowHooks.create;
import static io.patchbay.workflows.web.WorkflowHooks.finishedRun;
import static io.patchbay.workflows.web.WorkflowHooks.publish;
import static io.patchbay.workflows.web.WorkflowHooks.texts;
import static io.patchbay.workflows.web.WorkflowHooks.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workflow REST APIs for members and administrators: API-call steps through a
 * connection over TLS feeding later steps, who sees and edits what, definitions refused
 * whole, tests, failures and their notice, and the connection deletion guard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WorkflowApiIntegrationTests {

	static WireMockServer service = ExternalServices.tlsService();

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	RestTestClient sender;

	RestTestClient admin;

	ChatMember ada;

	ChatMember bob;

	String support;

	@BeforeAll
	static void start() {
		service.start();
	}

	@AfterAll
	static void stop() {
		service.stop();
	}

	@BeforeEach
	void setUp() {
		service.resetAll();
		this.sender = TestClients.withoutCookies(this.port);
		this.admin = AdminApi.asAdministrator(this.client);
		this.ada = ChatMember.create(this.client, "Ada");
		this.bob = ChatMember.create(this.client, "Bob");
		this.support = channel(this.ada, "Support", this.bob);
	}

	@Test
	void anApiCallsResultFeedsTheNextStep() {
		String connection = bearer("tickets");
		service.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/api/v2/tickets"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"ticket\":{\"id\":4711,\"url\":\"https://help.example.com/4711\"}}")));
		Map<String, Object> workflow = create(this.ada, Map.of("name", "Open a ticket", "trigger",
				Map.of("type", "webhook", "variables", List.of(Map.of("key", "subject"))), "steps",
				List.of(Map.of("type", "api_call", "connection", connection, "method", "POST", "url",
						serviceUrl("/api/v2/tickets"), "body", Map.of("ticket", Map.of("subject", "{{subject}}"))),
						Map.of("type", "send_message", "threadId", this.support, "text",
								"Ticket {{step1.body.ticket.id}} ({{step1.status}}) opened: {{subject}}"))));
		String hook = publish(this.ada, workflow);

		Map<String, Object> accepted = trigger(this.sender, hook, "{\"subject\":\"Printer \\\"on fire\\\"\"}")
			.getResponseBody();
		await().until(() -> texts(this.bob, this.support).contains("Ticket 4711 (201) opened: Printer \"on fire\""));
		service.verify(postRequestedFor(urlPathEqualTo("/api/v2/tickets"))
			.withHeader("Authorization", equalTo("Bearer secret-token"))
			.withRequestBody(equalToJson("{\"ticket\":{\"subject\":\"Printer \\\"on fire\\\"\"}}")));
		Map<String, Object> run = finishedRun(this.ada, (String) workflow.get("id"), (String) accepted.get("runId"));
		assertThat(run.toString()).doesNotContain("secret-token");
		assertThat((List<Map<String, Object>>) run.get("steps")).hasSize(2)
			.first()
			.satisfies((step) -> assertThat((Map<String, Object>) step.get("output")).containsEntry("status", 201));
	}

	@Test
	void aFailingStepStopsTheRunAndTheCreatorHearsOfItOnce() {
		String connection = bearer("flaky");
		service.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/fail"))
			.willReturn(aResponse().withStatus(503)));
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Fragile", "trigger", Map.of("type", "webhook"), "steps",
						List.of(Map.of("type", "api_call", "connection", connection, "method", "POST", "url",
								serviceUrl("/fail")),
								Map.of("type", "send_message", "threadId", this.support, "text", "never"))));
		String id = (String) workflow.get("id");
		String hook = publish(this.ada, workflow);
		String first = (String) trigger(this.sender, hook, "{}").getResponseBody().get("runId");
		Map<String, Object> run = finishedRun(this.ada, id, first);
		assertThat(run).containsEntry("status", "failed");
		assertThat((String) run.get("error")).contains("Step 1").contains("503");
		assertThat((List<?>) run.get("steps")).hasSize(1);

		await().until(() -> notices(this.ada).size() == 1);
		assertThat(notices(this.ada).getFirst()).contains("Fragile").contains("step 1");
		await().until(() -> trigger(this.sender, hook, "{}").getStatus().value() == 200);
		await().until(
				() -> ((List<?>) this.ada.json(this.ada.get("/api/v1/workflows/" + id + "/runs")).get("data")).stream()
					.allMatch((r) -> "failed".equals(((Map<?, ?>) r).get("status"))));
		assertThat(notices(this.ada)).as("one notice an hour").hasSize(1);
		assertThat(texts(this.bob, this.support)).doesNotContain("never");
	}

	@Test
	void aTestRunGoesToTheTestersOwnDirectMessages() {
		Map<String, Object> workflow = create(this.ada, Map.of("name", "Dry run", "trigger",
				Map.of("type", "webhook", "variables", List.of(Map.of("key", "who", "type", "member"))), "steps",
				List.of(Map.of("type", "send_message", "threadId", this.support, "text", "Hello {{who}}"))));
		String id = (String) workflow.get("id");
		this.ada.post("/api/v1/workflows/" + id + "/test", Map.of("variables", Map.of()), 400);
		Map<String, Object> run = this.ada.json(this.ada.post("/api/v1/workflows/" + id + "/test",
				Map.of("variables", Map.of("who", this.bob.id())), 202));
		assertThat(run).containsEntry("trigger", "test").containsEntry("status", "queued");
		await().until(() -> notices(this.ada).contains("Hello @Bob"));
		assertThat(texts(this.bob, this.support)).doesNotContain("Hello @Bob");
	}

	@Test
	void membersSeeTheirOwnAndSharedWorkflowsAdministratorsSeeAll() {
		ChatMember eve = ChatMember.create(this.client, "Eve");
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Shared", "trigger", Map.of("type", "webhook"), "steps",
						List.of(Map.of("type", "send_message", "threadId", this.support, "text", "hi")),
						"collaboratorIds", List.of(this.bob.id())));
		String id = (String) workflow.get("id");
		eve.get("/api/v1/workflows/" + id).expectStatus().isNotFound();
		assertThat(eve.json(eve.get("/api/v1/workflows")).get("data")).asList().isEmpty();
		assertThat(this.bob.json(this.bob.get("/api/v1/workflows")).get("data").toString()).contains(id);
		Map<String, Object> renamed = this.bob.json(this.bob.client()
			.put()
			.uri("/api/v1/workflows/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Shared and renamed", "trigger", Map.of("type", "webhook"), "steps",
					List.of(Map.of("type", "send_message", "threadId", this.support, "text", "hi"))))
			.exchange());
		assertThat(renamed).containsEntry("name", "Shared and renamed");
		this.bob.client().delete().uri("/api/v1/workflows/" + id).exchange().expectStatus().isForbidden();
		assertThat(this.admin.get()
			.uri("/api/admin/workflows?limit=100")
			.exchange()
			.expectBody(WorkflowHooks.JSON)
			.returnResult()
			.getResponseBody()
			.get("data")
			.toString()).contains(id);
		this.ada.client().delete().uri("/api/v1/workflows/" + id).exchange().expectStatus().isNoContent();
		this.ada.get("/api/v1/workflows/" + id).expectStatus().isNotFound();
	}

	@Test
	void badDefinitionsAreRefusedWhole() {
		Map<String, Object> step = Map.of("type", "send_message", "threadId", this.support, "text", "x");
		List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 21)
			.mapToObj((i) -> Map.<String, Object>of("key", "v" + i))
			.toList();
		refused(Map.of("name", "Too many", "trigger", Map.of("type", "webhook", "variables", many), "steps",
				List.of(step)), "trigger.variables");
		refused(Map.of("name", "Bad key", "trigger",
				Map.of("type", "webhook", "variables", List.of(Map.of("key", "no spaces"))), "steps", List.of(step)),
				"trigger.variables[0].key");
		refused(Map.of("name", "Bad type", "trigger", Map.of("type", "webhook"), "steps",
				List.of(Map.of("type", "fax", "text", "x"))), "steps[0].type");
		refused(Map.of("name", "Unknown reference", "trigger", Map.of("type", "webhook"), "steps",
				List.of(Map.of("type", "send_message", "threadId", this.support, "text", "{{nobody}}"))),
				"steps[0].text");
		refused(Map.of("name", "Unknown connection", "trigger", Map.of("type", "webhook"), "steps",
				List.of(Map.of("type", "api_call", "connection", "nope", "url", serviceUrl("/x")))),
				"steps[0].connection");
		String connection = bearer("bounded");
		refused(Map.of("name", "Outside", "trigger", Map.of("type", "webhook"), "steps",
				List.of(Map.of("type", "api_call", "connection", connection, "url", "https://evil.example.com/x"))),
				"steps[0].url");
		ChatMember eve = ChatMember.create(this.client, "Eve");
		Map<String, Object> problem = eve.json(eve.post("/api/v1/workflows",
				Map.of("name", "Not my channel", "trigger", Map.of("type", "webhook"), "steps", List.of(step)), 400));
		assertThat(problem).containsEntry("field", "steps[0].threadId");
		assertThat(this.ada.json(this.ada.get("/api/v1/workflows?limit=100")).get("data").toString())
			.doesNotContain("Too many", "Bad key", "Outside");
	}

	@Test
	void aConnectionThatPublishedWorkflowsUseIsDeletedOnlyWithForce() {
		String connection = bearer("guarded");
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Uses guarded", "trigger", Map.of("type", "webhook"), "steps",
						List.of(Map.of("type", "api_call", "connection", connection, "url", serviceUrl("/x")))));
		// A draft's connection goes freely; once published, the workflow holds it.
		this.admin.delete().uri("/api/admin/connections/" + connection).exchange().expectStatus().isNoContent();
		connection(connection);
		publish(this.ada, workflow);
		String detail = this.admin.delete()
			.uri("/api/admin/connections/" + connection)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody(WorkflowHooks.JSON)
			.returnResult()
			.getResponseBody()
			.get("detail")
			.toString();
		assertThat(detail).contains("Uses guarded");

		// The console says so too, and offers to delete anyway.
		RestTestClient console = Sessions
			.signIn(TestClients.withoutCookies(this.port), AdminApi.EMAIL, AdminApi.PASSWORD)
			.client(TestClients.withoutCookies(this.port));
		String page = console.post()
			.uri("/console/connections/" + connection + "/delete")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("confirmName=" + connection)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Published workflows use this connection", "name=\"force\"");
		console.post()
			.uri("/console/connections/" + connection + "/delete")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("confirmName=" + connection + "&force=true")
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		this.admin.get().uri("/api/admin/connections/" + connection).exchange().expectStatus().isNotFound();
	}

	@Test
	void administratorsUnpublishAnyWorkflowFromTheConsole() {
		Map<String, Object> workflow = create(this.ada,
				Map.of("name", "Console managed", "trigger", Map.of("type", "webhook"), "steps",
						List.of(Map.of("type", "send_message", "threadId", this.support, "text", "hi"))));
		String hook = publish(this.ada, workflow);
		RestTestClient console = Sessions
			.signIn(TestClients.withoutCookies(this.port), AdminApi.EMAIL, AdminApi.PASSWORD)
			.client(TestClients.withoutCookies(this.port));
		String page = console.get()
			.uri("/console/workflows")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("Console managed", "Ada");
		// Its search: by a part of the name, ignoring case; a name nobody has says so.
		assertThat(console.get()
			.uri("/console/workflows?query=CONSOLE manag")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("Console managed");
		assertThat(console.get()
			.uri("/console/workflows?query=no such workflow")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).doesNotContain("Console managed")
			.contains("No workflow’s name contains “no such workflow”");
		console.post()
			.uri("/console/workflows/" + workflow.get("id") + "/unpublish")
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		assertThat(trigger(this.sender, hook, "{}").getStatus().value()).isEqualTo(404);
		Sessions.signIn(TestClients.withoutCookies(this.port), this.bob.email(), this.bob.password())
			.client(TestClients.withoutCookies(this.port))
			.get()
			.uri("/console/workflows")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anAdministratorTurnsMembersBuildingOffAndOnInTheConsole() {
		RestTestClient console = Sessions
			.signIn(TestClients.withoutCookies(this.port), AdminApi.EMAIL, AdminApi.PASSWORD)
			.client(TestClients.withoutCookies(this.port));
		Map<String, Object> draft = Map.of("name", "Not now", "trigger", Map.of("type", "webhook"), "steps", List.of());
		try {
			console.post()
				.uri("/console/workflows/settings")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("")
				.exchange()
				.expectStatus()
				.is3xxRedirection();
			this.ada.post("/api/v1/workflows", draft, 403);
			createAsAdministrator(this.admin, draft);
		}
		finally {
			console.post()
				.uri("/console/workflows/settings")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("membersMayBuild=true")
				.exchange()
				.expectStatus()
				.is3xxRedirection();
		}
		create(this.ada, draft);
	}

	private static void createAsAdministrator(RestTestClient admin, Map<String, Object> workflow) {
		ExternalServices.post(admin, "/api/admin/workflows", workflow, 201);
	}

	@Test
	void runsAndTheQueueAreMeasured() {
		String metrics = this.admin.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("patchbay_workflow_queue_depth", "patchbay_workflow_queue_oldest_age_seconds",
				"patchbay_workflow_runs_total{outcome=\"succeeded\"");
	}

	private void refused(Map<String, Object> workflow, String field) {
		Map<String, Object> problem = this.ada.json(this.ada.post("/api/v1/workflows", workflow, 400));
		assertThat(problem).as(workflow.get("name").toString()).containsEntry("field", field);
	}

	/** The texts the workflow sent the member in their direct thread with it. */
	private static List<String> notices(ChatMember member) {
		List<?> threads = (List<?>) member.json(member.get("/api/v1/threads")).get("data");
		return threads.stream()
			.map((thread) -> (Map<?, ?>) thread)
			.filter((thread) -> thread.get("participants").toString().contains("type=workflow"))
			.flatMap((thread) -> texts(member, (String) thread.get("id")).stream())
			.toList();
	}

	private String bearer(String name) {
		return connection(name + System.nanoTime() % 1_000_000);
	}

	private String connection(String name) {
		ExternalServices.post(this.admin, "/api/admin/connections",
				Map.of("name", name, "type", "BEARER", "allowedDomain", "api.patchbay.test", "token", "secret-token"),
				201);
		return name;
	}

	private static String serviceUrl(String path) {
		return "https://api.patchbay.test:" + service.httpsPort() + path;
	}

}
