package io.patchbay.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Cursor paging as the Graph API does it, both ways: {@code limit} (default 25, at most
 * 100), {@code after} and {@code before} cursors that are opaque to clients and stable
 * under inserts (they wrap the id of the edge item, and lists are ordered by id), and
 * {@code paging.next} and {@code paging.previous} as absolute URLs that repeat the
 * caller's parameters, {@code access_token} included, so that clients such as RestFB
 * fetch them unchanged. When a request names both cursors, {@code after} wins.
 *
 * @param after the id after which the page starts, in the list's order
 * @param before the id before which the page ends, in the list's order
 */
record GraphPaging(@Nullable Long after, @Nullable Long before, int limit) {

	static final int DEFAULT_LIMIT = 25;

	static final int MAX_LIMIT = 100;

	static GraphPaging of(GraphParameters parameters) {
		return new GraphPaging(cursor(parameters.value("after")), cursor(parameters.value("before")),
				Math.max(1, parameters.limit(DEFAULT_LIMIT, MAX_LIMIT)));
	}

	/** The page to read from the accounts and community lists. */
	PageRequest page() {
		return new PageRequest(this.after, this.before, this.limit);
	}

	/**
	 * Renders a page of a keyset-paged list ({@link KeysetPage}): there is a {@code next}
	 * link while more follow, and a {@code previous} link while more lie in front (not on
	 * the first page).
	 * @param graph the Graph API's root URL ({@link GraphLinks#graph()})
	 */
	static <T> Map<String, Object> render(KeysetPage<T> page, ToLongFunction<T> id, Function<T, Object> view,
			GraphCaller caller, String graph, String path) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", page.items().stream().map(view).toList());
		Map<String, Object> paging = new LinkedHashMap<>();
		if (!page.items().isEmpty()) {
			paging.put("cursors", Map.of("before", encode(id.applyAsLong(page.items().getFirst())), "after",
					encode(id.applyAsLong(page.items().getLast()))));
		}
		// A page can be empty and still have more after it (when filtering emptied it).
		if (page.nextCursor() != null) {
			paging.put("next", link(caller, graph, path, "after", encode(page.nextCursor())));
		}
		if (page.previousCursor() != null) {
			paging.put("previous", link(caller, graph, path, "before", encode(page.previousCursor())));
		}
		if (!paging.isEmpty()) {
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
