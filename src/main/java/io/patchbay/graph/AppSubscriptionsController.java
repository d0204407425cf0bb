package io.patchbay.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.webhooks.HandshakeFailedException;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Subscriptions;
import io.patchbay.webhooks.Topic;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

/**
 * {@code /app/subscriptions}: an integration manages its own webhook subscriptions with
 * the same rules and handshake as the console.
 */
@RestController
class AppSubscriptionsController {

	private final Subscriptions subscriptions;

	AppSubscriptionsController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/graph/app/subscriptions")
	Map<String, Object> list(GraphCaller caller) {
		List<Map<String, Object>> data = new ArrayList<>();
		for (Subscription subscription : this.subscriptions.of(caller.integration().id())) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("object", subscription.topic().object());
			entry.put("callback_url", subscription.callbackUrl());
			entry.put("fields",
					subscription.fields().stream().map((field) -> Map.of("name", field, "version", "v19.0")).toList());
			entry.put("active", subscription.active());
			data.add(entry);
		}
		return Map.of("data", data);
	}

	@PostMapping("/graph/app/subscriptions")
	Map<String, Object> subscribe(GraphCaller caller) {
		GraphParameters parameters = caller.parameters();
		String object = required(parameters, "object");
		this.subscriptions.subscribe(caller.integration().id(), object, required(parameters, "callback_url"),
				required(parameters, "verify_token"), fields(required(parameters, "fields")));
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/app/subscriptions")
	Map<String, Object> unsubscribe(GraphCaller caller) {
		String object = caller.parameters().value("object");
		if (object == null) {
			for (Subscription subscription : this.subscriptions.of(caller.integration().id())) {
				this.subscriptions.unsubscribe(caller.integration().id(), subscription.topic().object());
			}
		}
		else {
			if (Topic.of(object).isEmpty()) {
				throw GraphException.invalidParameter("(#100) Unknown object '" + object + "'");
			}
			this.subscriptions.unsubscribe(caller.integration().id(), object);
		}
		return Map.of("success", true);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> handshakeFailed(HandshakeFailedException ex, HttpServletRequest request) {
		return GraphErrors.envelope(new GraphException(400, GraphException.OAUTH, 2200, null,
				"(#2200) Callback verification failed: " + ex.getMessage()), request);
	}

	private static String required(GraphParameters parameters, String name) {
		String value = parameters.value(name);
		if (value == null || value.isBlank()) {
			throw GraphException.invalidParameter("(#100) The parameter " + name + " is required");
		}
		return value;
	}

	/** {@code fields} as Graph clients send it: {@code a,b} or a JSON array. */
	private static List<String> fields(String value) {
		String list = value.strip();
		if (list.startsWith("[") && list.endsWith("]")) {
			list = list.substring(1, list.length() - 1);
		}
		return java.util.Arrays.stream(list.split(","))
			.map((field) -> field.strip().replace("\"", ""))
			.filter((field) -> !field.isEmpty())
			.toList();
	}

}
