package io.patchbay.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.community.Author;

/**
 * The "changes" shape of webhook entries (group, user, page mention, workplace_security):
 * {@code {"id", "time", "changes": [{"field", "value"}]}}, with Workplace's formats for
 * ids and times.
 */
final class ChangeEntries {

	private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
		.withZone(ZoneOffset.UTC);

	private ChangeEntries() {
	}

	static Map<String, Object> entry(long objectId, Instant time, String field, Map<String, Object> value) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", String.valueOf(objectId));
		entry.put("time", time.getEpochSecond());
		entry.put("changes", List.of(Map.of("field", field, "value", value)));
		return entry;
	}

	static String time(Instant instant) {
		return GRAPH_TIME.format(instant);
	}

	static Map<String, Object> from(Author author) {
		return Map.of("id", String.valueOf(author.id()), "name", author.name());
	}

	static String postId(long groupId, long postId) {
		return groupId + "_" + postId;
	}

}
