package io.patchbay.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.webhooks.HandshakeFailedException;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Subscriptions;
import io.patchbay.webhooks.Topic;
import tools.jackson.databind.JsonNode;

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
				required(parameters, "verify_token"), fields(parameters));
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
		// An integration learns whether its callback answered, and what, but not why an
		// address could not be reached: that would map what lies behind Patchbay.
		return GraphErrors.envelope(new GraphException(400, GraphException.OAUTH, 2200, null,
				"(#2200) Callback verification failed: " + ex.publicMessage()), request);
	}

	private static String required(GraphParameters parameters, String name) {
		String value = parameters.value(name);
		if (value == null || value.isBlank()) {
			throw GraphException.invalidParameter("(#100) The parameter " + name + " is required");
		}
		return value;
	}

	/**
	 * {@code fields} as Graph clients send it: {@code a,b}, or a JSON array of names in a
	 * JSON body or as the text of a form field.
	 */
	private static List<String> fields(GraphParameters parameters) {
		JsonNode fields = parameters.json("fields");
		List<String> names = new ArrayList<>();
		if (fields != null && fields.isArray()) {
			for (JsonNode field : fields) {
				if (!field.isString()) {
					throw GraphException.invalidParameter("(#100) The parameter fields must list field names");
				}
				names.add(field.asString().strip());
			}
		}
		else if (fields != null && fields.isString()) {
			names.addAll(Arrays.asList(fields.asString().split(",")));
		}
		else if (fields != null) {
			throw GraphException.invalidParameter("(#100) The parameter fields must list field names");
		}
		List<String> given = names.stream().map(String::strip).filter((name) -> !name.isEmpty()).toList();
		if (given.isEmpty()) {
			throw GraphException.invalidParameter("(#100) The parameter fields is required");
		}
		return given;
	}

}
