package io.patchbay.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list read with keyset paging: stable under inserts, because the next page
 * starts after the last id seen rather than at an offset.
 *
 * @param nextCursor the id to pass as cursor for the next page; {@code null} on the last
 * page
 */
public record KeysetPage<T>(List<T> items, @Nullable Long nextCursor) {

	/**
	 * Builds a page from {@code limit + 1} rows read: the extra row only tells whether
	 * there is more.
	 */
	public static <T> KeysetPage<T> of(List<T> rows, int limit, ToLongFunction<T> id) {
		if (rows.size() <= limit) {
			return new KeysetPage<>(List.copyOf(rows), null);
		}
		List<T> items = List.copyOf(rows.subList(0, limit));
		return new KeysetPage<>(items, id.applyAsLong(items.getLast()));
	}

	public <R> KeysetPage<R> map(Function<T, R> mapper) {
		return new KeysetPage<>(this.items.stream().map(mapper).toList(), this.nextCursor);
	}

}
