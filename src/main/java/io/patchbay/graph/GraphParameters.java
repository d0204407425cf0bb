package io.patchbay.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * A Graph call's parameters, wherever the client put them: the query string, a form body
 * (as RestFB and the PHP samples send) or a JSON body; later sources do not override
 * earlier ones, and a JSON {@code null} counts as absent. Parameters are strings: one
 * that came as a JSON object or array is refused by {@link #value} with error 100 naming
 * it, and read only by {@link #json} where the Graph API takes JSON.
 */
final class GraphParameters {

	static final int MAX_BODY = 1024 * 1024;

	/** Every parameter as text, JSON objects and arrays as their JSON text. */
	private final Map<String, String> values;

	/** The parameters that came as JSON objects or arrays. */
	private final Map<String, JsonNode> structured;

	private final JsonMapper json;

	private GraphParameters(Map<String, String> values, Map<String, JsonNode> structured, JsonMapper json) {
		this.values = values;
		this.structured = structured;
		this.json = json;
	}

	static GraphParameters read(HttpServletRequest request, JsonMapper json) {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw tooLarge();
		}
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, JsonNode> structured = new HashMap<>();
		try {
			request.getParameterMap().forEach((name, given) -> {
				if (given.length > 0) {
					values.put(name, given[0]);
				}
			});
		}
		catch (RuntimeException ex) {
			// Tomcat refuses undecodable parameters (such as %FF in UTF-8) only when
			// asked.
			throw GraphException.invalidParameter("(#100) The request parameters cannot be decoded");
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
			JsonNode body = readJson(request, json);
			if (body != null && !body.isNull()) {
				if (!body.isObject()) {
					throw GraphException.invalidParameter("(#100) The JSON body must be an object");
				}
				for (Map.Entry<String, JsonNode> field : body.properties()) {
					JsonNode value = field.getValue();
					if (value.isNull() || values.containsKey(field.getKey())) {
						continue;
					}
					if (value.isContainer()) {
						structured.put(field.getKey(), value);
					}
					values.put(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
				}
			}
		}
		return new GraphParameters(values, structured, json);
	}

	Optional<String> get(String name) {
		return Optional.ofNullable(value(name));
	}

	/**
	 * A string parameter; error 100 naming it when it came as a JSON object or array.
	 */
	@Nullable String value(String name) {
		if (this.structured.containsKey(name)) {
			throw GraphException.invalidParameter("(#100) The parameter " + name + " must be a string");
		}
		return this.values.get(name);
	}

	/**
	 * A parameter that may carry JSON (the Send API's {@code recipient} and
	 * {@code message}, the {@code fields} of {@code /app/subscriptions}): as it came in a
	 * JSON body, or parsed from the text of a query or form parameter when that text is a
	 * JSON object or array, else the text itself; {@code null} when absent.
	 */
	@Nullable JsonNode json(String name) {
		JsonNode node = this.structured.get(name);
		if (node != null) {
			return node;
		}
		String text = this.values.get(name);
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.startsWith("{") || stripped.startsWith("[")) {
			try {
				return this.json.readTree(stripped);
			}
			catch (JacksonException ex) {
				throw GraphException.invalidParameter("(#100) The parameter " + name + " is not valid JSON");
			}
		}
		return StringNode.valueOf(text);
	}

	/** The parameters to repeat in a {@code paging.next} URL. */
	Map<String, String> all() {
		return this.values;
	}

	int limit(int defaultLimit, int max) {
		String given = value("limit");
		if (given == null) {
			return defaultLimit;
		}
		try {
			int limit = Integer.parseInt(given.strip());
			if (limit < 0) {
				throw GraphException.invalidParameter("(#100) limit must be a positive number");
			}
			return Math.min(limit, max);
		}
		catch (NumberFormatException ex) {
			throw GraphException.invalidParameter("(#100) limit must be a number");
		}
	}

	private static @Nullable JsonNode readJson(HttpServletRequest request, JsonMapper json) {
		try (InputStream input = request.getInputStream()) {
			byte[] body = input.readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw tooLarge();
			}
			return (body.length == 0) ? null : json.readTree(body);
		}
		catch (JacksonException ex) {
			throw GraphException.invalidParameter("(#100) The request body is not valid JSON");
		}
		catch (IOException ex) {
			throw GraphException.invalidParameter("(#100) The request body could not be read");
		}
	}

	private static GraphException tooLarge() {
		return new GraphException(413, GraphException.OAUTH, 100, null, "(#100) The request body is larger than 1 MiB");
	}

}
