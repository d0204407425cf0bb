package io.patchbay.community;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patchbay.platform.Ids;

/**
 * Reads the {@code @[id]} mentions of a message, as the Graph API writes them. Derived
 * from the message each time, so an edit can never leave stale mentions behind.
 */
final class Mentions {

	static final Pattern MENTION = Pattern.compile("@\\[(\\d{1,19})]");

	private static final int MAX = 50;

	private Mentions() {
	}

	static List<Long> in(String message) {
		Set<Long> ids = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(message);
		while (matcher.find() && ids.size() < MAX) {
			long id = Ids.parse(matcher.group(1));
			if (id > 0) {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

}
