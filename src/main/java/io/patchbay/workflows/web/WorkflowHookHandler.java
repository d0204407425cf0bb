package io.patchbay.workflows.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.workflows.TriggerRefusedException;
import io.patchbay.workflows.Triggers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * {@code POST /hooks/workflows/{secret}}: 200 {@code {"ok":true,"runId":…}} once the run
 * is queued, else the trigger's {@code {"ok":false,"error":…}} with its status.
 * <p>
 * A plain request handler, not an annotated controller: a trigger is the hottest path of
 * the workflows, and argument resolution, content negotiation and the application's ~280
 * annotated mappings took about a fifth of a trigger's CPU in the profile
 * (BENCHMARKS.md). Its mapping is looked at first, and only for this one pattern.
 */
@Component
class WorkflowHookHandler implements HttpRequestHandler {

	static final String PATH = "/hooks/workflows/*";

	private final Triggers triggers;

	private final JsonMapper json;

	WorkflowHookHandler(Triggers triggers, JsonMapper json) {
		this.triggers = triggers;
		this.json = json;
	}

	@Bean
	static SimpleUrlHandlerMapping workflowHookMapping(WorkflowHookHandler handler) {
		return new SimpleUrlHandlerMapping(Map.of(PATH, handler), Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader(HttpHeaders.ALLOW, "POST");
			answer(response, HttpStatus.METHOD_NOT_ALLOWED.value(),
					refusal("method_not_allowed", null, "Send the trigger as a POST"));
			return;
		}
		String secret = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
		try {
			long runId = this.triggers.accept(secret, request.getContentType(), request.getInputStream());
			Map<String, Object> accepted = new LinkedHashMap<>();
			accepted.put("ok", true);
			accepted.put("runId", String.valueOf(runId));
			answer(response, HttpStatus.OK.value(), accepted);
		}
		catch (TriggerRefusedException ex) {
			if (ex.retryAfterSeconds() > 0) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
			}
			answer(response, ex.status(), refusal(ex.error(), ex.variable(), ex.getMessage()));
		}
	}

	private static Map<String, Object> refusal(String error, @Nullable String variable, @Nullable String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ok", false);
		body.put("error", error);
		if (variable != null) {
			body.put("variable", variable);
		}
		body.put("message", message);
		return body;
	}

	private void answer(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

}
