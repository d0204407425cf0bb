package io.patchbay.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.patchbay.platform.KeysetPage;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Cursor paging as the Graph API does it, forward only: {@code limit} (default 25, at
 * most 100), {@code after} cursors that are opaque to clients and stable under inserts
 * (they wrap the id of the edge item, and lists are ordered by id), and
 * {@code paging.next} as an absolute URL that repeats the caller's parameters,
 * {@code access_token} included, so that clients such as RestFB fetch it unchanged. A
 * {@code before} cursor is accepted and ignored: the lists behind it page forward only.
 *
 * @param after the id after which the page starts, in the list's order
 */
record GraphPaging(@Nullable Long after, int limit) {

	static final int DEFAULT_LIMIT = 25;

	static final int MAX_LIMIT = 100;

	static GraphPaging of(GraphParameters parameters) {
		return new GraphPaging(cursor(parameters.value("after")),
				Math.max(1, parameters.limit(DEFAULT_LIMIT, MAX_LIMIT)));
	}

	/**
	 * Renders a page of a list that the community and accounts APIs page forward only
	 * ({@link KeysetPage}): there is a {@code next} link while more follow, and no
	 * {@code previous}.
	 * @param graph the Graph API's root URL ({@link GraphLinks#graph()})
	 */
	static <T> Map<String, Object> render(KeysetPage<T> page, ToLongFunction<T> id, Function<T, Object> view,
			GraphCaller caller, String graph, String path) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", page.items().stream().map(view).toList());
		if (!page.items().isEmpty()) {
			Map<String, Object> paging = new LinkedHashMap<>();
			paging.put("cursors", Map.of("before", encode(id.applyAsLong(page.items().getFirst())), "after",
					encode(id.applyAsLong(page.items().getLast()))));
			if (page.nextCursor() != null) {
				paging.put("next", link(caller, graph, path, "after", encode(page.nextCursor())));
			}
			answer.put("paging", paging);
		}
		return answer;
	}

	/**
	 * A list that is never paged (it is short by nature, such as a member's managers).
	 */
	static Map<String, Object> whole(List<?> data) {
		return Map.of("data", data);
	}

	private static String link(GraphCaller caller, String baseUrl, String path, String direction, String cursor) {
		StringBuilder uri = new StringBuilder(baseUrl.endsWith("/graph") ? baseUrl : baseUrl + "/graph").append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : caller.parameters().all().entrySet()) {
			if (!parameter.getKey().equals("after") && !parameter.getKey().equals("before")) {
				uri.append(separator)
					.append(strict(parameter.getKey()))
					.append('=')
					.append(strict(parameter.getValue()));
				separator = '&';
			}
		}
		return uri.append(separator).append(direction).append('=').append(strict(cursor)).toString();
	}

	/**
	 * Encodes everything but unreserved characters: a {@code +} or {@code &} in a
	 * repeated parameter (a token, a message) must come back unchanged.
	 */
	private static String strict(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	static String encode(long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Long cursor(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
			if (decoded.startsWith("id:")) {
				return Long.parseLong(decoded.substring(3));
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the error below.
		}
		throw GraphException.invalidParameter("(#100) Invalid cursor");
	}

}
