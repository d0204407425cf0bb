package io.patchbay.workflows.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.patchbay.chat.web.ChatMember;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the workflow tests do again and again: a member's group chat, a published workflow
 * and its revealed URL, a trigger POST as an external service sends it, and waiting for a
 * run to finish.
 */
final class WorkflowHooks {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private WorkflowHooks() {
	}

	/** A named group chat of the member with the others; answers its id ({@code t_…}). */
	static String channel(ChatMember owner, String name, ChatMember... others) {
		return (String) owner.json(owner.post("/api/v1/threads",
				Map.of("name", name, "participantIds", java.util.Arrays.stream(others).map(ChatMember::id).toList()),
				201))
			.get("id");
	}

	static Map<String, Object> create(ChatMember member, Map<String, Object> workflow) {
		return member.json(member.post("/api/v1/workflows", workflow, 201));
	}

	/** Publishes the workflow and answers its revealed URL's path. */
	static String publish(ChatMember member, Map<String, Object> workflow) {
		String id = (String) workflow.get("id");
		member.post("/api/v1/workflows/" + id + "/publish", Map.of(), 200);
		return revealedPath(member, id);
	}

	static String revealedPath(ChatMember member, String id) {
		Map<String, Object> revealed = member.json(member.get("/api/v1/workflows/" + id + "?reveal=true"));
		String url = (String) ((Map<?, ?>) revealed.get("trigger")).get("url");
		assertThat(url).doesNotContain("*****").contains("/hooks/workflows/");
		return url.replaceFirst("^https?://[^/]+", "");
	}

	/** POSTs a body as an external service would, with no credentials. */
	static EntityExchangeResult<Map<String, Object>> trigger(RestTestClient anonymous, String path, String body,
			MediaType type) {
		return anonymous.post().uri(path).contentType(type).body(body).exchange().expectBody(JSON).returnResult();
	}

	static EntityExchangeResult<Map<String, Object>> trigger(RestTestClient anonymous, String path, String json) {
		return trigger(anonymous, path, json, MediaType.APPLICATION_JSON);
	}

	/** The run once it finished, as its workflow's history shows it. */
	static Map<String, Object> finishedRun(ChatMember member, String workflowId, String runId) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> run(member, workflowId, runId),
					(run) -> run != null && List.of("succeeded", "failed").contains(run.get("status")));
	}

	private static Map<String, Object> run(ChatMember member, String workflowId, String runId) {
		List<?> runs = (List<?>) member.json(member.get("/api/v1/workflows/" + workflowId + "/runs")).get("data");
		return runs.stream()
			.map((run) -> (Map<String, Object>) run)
			.filter((run) -> runId.equals(run.get("id")))
			.findFirst()
			.orElse(null);
	}

	/** The texts of a thread's messages, oldest first, as the member reads them. */
	static List<String> texts(ChatMember member, String threadId) {
		List<?> messages = (List<?>) member.json(member.get("/api/v1/threads/" + threadId + "/messages")).get("data");
		return messages.stream().map((message) -> (String) ((Map<?, ?>) message).get("text")).toList();
	}

}
