package io.patchbay.scim;

import java.util.List;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import org.jspecify.annotations.Nullable;

/**
 * {@code startIndex} (1-based; lower values are 1) and {@code count} (at most
 * {@value #MAX_COUNT}; negative is 0) of RFC 7644 section 3.4.2.4. A count over the
 * maximum is refused, not silently cut, so a client never takes a short page for the
 * last.
 */
record Paging(int startIndex, int count) {

	static final int MAX_COUNT = 100;

	static Paging of(@Nullable String startIndex, @Nullable String count) throws ScimException {
		int start = Math.max(1, number(startIndex, 1, "startIndex"));
		int size = Math.max(0, number(count, MAX_COUNT, "count"));
		if (size > MAX_COUNT) {
			throw BadRequestException.invalidValue("count must be at most " + MAX_COUNT);
		}
		return new Paging(start, size);
	}

	long offset() {
		return this.startIndex - 1L;
	}

	<T> List<T> of(List<T> all) {
		int from = (int) Math.min(all.size(), offset());
		return all.subList(from, Math.min(all.size(), from + this.count));
	}

	private static int number(@Nullable String value, int absent, String name) throws ScimException {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw BadRequestException.invalidValue(name + " must be an integer");
		}
	}

}
