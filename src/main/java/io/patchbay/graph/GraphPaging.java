package io.patchbay.graph;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cursor paging as the Graph API does it: {@code limit} (default 25, at most 100),
 * {@code after} and {@code before} cursors that are opaque to clients and stable under
 * inserts (they wrap the id of the edge item, and lists are ordered by id), and
 * {@code paging.next}/{@code previous} as absolute URLs that repeat the caller's
 * parameters, {@code access_token} included, so that clients such as RestFB fetch them
 * unchanged.
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

	/**
	 * Renders a page fetched with {@link #limit()} + 1 items: the extra one only says
	 * that more follow.
	 */
	<T> Map<String, Object> render(List<T> fetched, ToLongFunction<T> id, Function<T, Object> view, GraphCaller caller,
			String baseUrl, String path) {
		boolean more = fetched.size() > this.limit;
		List<T> items = more ? fetched.subList(0, this.limit) : fetched;
		if (this.before != null) {
			// Fetched backwards from the cursor; "more" then means more in front.
			items = new ArrayList<>(items).reversed();
		}
		List<Object> data = items.stream().map(view).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", data);
		if (!items.isEmpty()) {
			String first = encode(id.applyAsLong(items.getFirst()));
			String last = encode(id.applyAsLong(items.getLast()));
			Map<String, Object> paging = new LinkedHashMap<>();
			paging.put("cursors", Map.of("before", first, "after", last));
			boolean hasNext = (this.before != null) || more;
			boolean hasPrevious = (this.after != null) || (this.before != null && more);
			if (hasPrevious) {
				paging.put("previous", link(caller, baseUrl, path, "before", first));
			}
			if (hasNext) {
				paging.put("next", link(caller, baseUrl, path, "after", last));
			}
			answer.put("paging", paging);
		}
		return answer;
	}

	private static String link(GraphCaller caller, String baseUrl, String path, String direction, String cursor) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(baseUrl + "/graph" + path);
		caller.parameters().all().forEach((name, value) -> {
			if (!name.equals("after") && !name.equals("before")) {
				uri.queryParam(name, value);
			}
		});
		uri.queryParam(direction, cursor);
		return uri.build().encode().toUriString();
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
