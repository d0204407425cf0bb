package io.patchbay.workflows.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.workflows.TriggerRefusedException;
import io.patchbay.workflows.Triggers;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/workflows/{secret}}: 200 {@code {"ok":true,"runId":…}} once the run
 * is queued, else the trigger's {@code {"ok":false,"error":…}} with its status.
 */
@RestController
class WorkflowHookController {

	private final Triggers triggers;

	WorkflowHookController(Triggers triggers) {
		this.triggers = triggers;
	}

	@PostMapping("/hooks/workflows/{secret}")
	Map<String, Object> trigger(@PathVariable String secret, HttpServletRequest request) throws IOException {
		long runId = this.triggers.accept(secret, request.getContentType(), request.getInputStream());
		return Map.of("ok", true, "runId", String.valueOf(runId));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(TriggerRefusedException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ok", false);
		body.put("error", ex.error());
		if (ex.variable() != null) {
			body.put("variable", ex.variable());
		}
		body.put("message", ex.getMessage());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.retryAfterSeconds() > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
		}
		return answer.body(body);
	}

}
