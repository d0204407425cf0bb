package io.patchbay.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Graph call's parameters, wherever the client put them: the query string, a form body
 * (as RestFB and the PHP samples send) or a JSON body; later sources do not override
 * earlier ones. JSON values that are objects or arrays are kept as their JSON text, as a
 * form field would carry them.
 */
final class GraphParameters {

	static final int MAX_BODY = 1024 * 1024;

	private final Map<String, String> values;

	private GraphParameters(Map<String, String> values) {
		this.values = values;
	}

	static GraphParameters of(Map<String, String> values) {
		return new GraphParameters(Map.copyOf(values));
	}

	static GraphParameters read(HttpServletRequest request, JsonMapper json) {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw tooLarge();
		}
		Map<String, String> values = new LinkedHashMap<>();
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
					values.putIfAbsent(field.getKey(), value.isValueNode() ? value.asString() : value.toString());
				}
			}
		}
		return new GraphParameters(values);
	}

	Optional<String> get(String name) {
		return Optional.ofNullable(this.values.get(name));
	}

	@Nullable String value(String name) {
		return this.values.get(name);
	}

	/** The parameters to repeat in a {@code paging.next} URL. */
	Map<String, String> all() {
		return this.values;
	}

	int limit(int defaultLimit, int max) {
		String given = this.values.get("limit");
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
