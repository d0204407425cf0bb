package io.patchbay.platform;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list read with keyset paging: stable under inserts, because the next page
 * starts after the last id seen rather than at an offset.
 *
 * @param nextCursor the id to pass as {@code after} for the next page; {@code null} on
 * the last page
 * @param previousCursor the id to pass as {@code before} for the previous page (the first
 * item's); {@code null} on the first page
 */
public record KeysetPage<T>(List<T> items, @Nullable Long nextCursor, @Nullable Long previousCursor) {

	/**
	 * Builds a first page, or a page after a cursor, from {@code limit + 1} rows read:
	 * the extra row only tells whether there is more.
	 */
	public static <T> KeysetPage<T> of(List<T> rows, int limit, ToLongFunction<T> id) {
		return of(rows, PageRequest.after(null, limit), id);
	}

	/**
	 * Builds the page that {@code request} asked for from the {@link PageRequest#rows()}
	 * rows read in the order its {@link PageRequest#orderBy} gives.
	 */
	public static <T> KeysetPage<T> of(List<T> rows, PageRequest request, ToLongFunction<T> id) {
		boolean more = rows.size() > request.limit();
		List<T> read = more ? rows.subList(0, request.limit()) : rows;
		if (request.backward()) {
			// Read nearest the cursor first: back into the list's order. The cursor's own
			// item follows the page, so there is always a next page.
			List<T> items = List.copyOf(read.reversed());
			Long next = items.isEmpty() ? request.before() : id.applyAsLong(items.getLast());
			return new KeysetPage<>(items, next, more ? first(items, id) : null);
		}
		List<T> items = List.copyOf(read);
		// After a cursor, the items up to it lie in front.
		return new KeysetPage<>(items, more ? id.applyAsLong(items.getLast()) : null,
				(request.after() != null) ? first(items, id) : null);
	}

	private static <T> @Nullable Long first(List<T> items, ToLongFunction<T> id) {
		return items.isEmpty() ? null : id.applyAsLong(items.getFirst());
	}

	public <R> KeysetPage<R> map(Function<T, R> mapper) {
		return with(this.items.stream().map(mapper).toList());
	}

	/**
	 * The same cursors over other items, such as the items that a caller may see: the
	 * cursors still move past those left out.
	 */
	public <R> KeysetPage<R> with(List<R> items) {
		return new KeysetPage<>(items, this.nextCursor, this.previousCursor);
	}

}
