package io.patchbay.platform;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a keyset-paged list to read: the page after a cursor (or the first page),
 * or the page just before one. Cursors are ids, and lists are ordered by id, ascending
 * (oldest first) or descending (newest first).
 *
 * <p>
 * A page before a cursor is read from the rows on the other side of it, in reverse order,
 * so that the {@code LIMIT} keeps the rows nearest the cursor; {@link KeysetPage#of}
 * turns them back into the list's order.
 *
 * @param after the id after which the page starts, in the list's order
 * @param before the id before which the page ends, in the list's order; used only when
 * {@code after} is not given
 * @param limit how many items, from 1 to 100
 */
public record PageRequest(@Nullable Long after, @Nullable Long before, int limit) {

	public static final int MAX_LIMIT = 100;

	public PageRequest {
		limit = Math.clamp(limit, 1, MAX_LIMIT);
	}

	/** The first page, or the page after the previous page's {@code nextCursor}. */
	public static PageRequest after(@Nullable Long after, int limit) {
		return new PageRequest(after, null, limit);
	}

	/** Whether the page is the one before a cursor, read in reverse order. */
	public boolean backward() {
		return this.after == null && this.before != null;
	}

	/** How many rows to read: one more than the page, to tell whether there is more. */
	public int rows() {
		return this.limit + 1;
	}

	/**
	 * The condition on the id column, with one {@code ?} for {@link #key(boolean)}.
	 * @param ascending whether the list is in ascending order of {@code column}
	 */
	public String where(String column, boolean ascending) {
		return column + (towardSmallerIds(ascending) ? " < ?" : " > ?");
	}

	/**
	 * The value of the {@code ?} in {@link #where}: the cursor, or for a first page a
	 * bound that every id passes (ids are positive).
	 */
	public long key(boolean ascending) {
		Long cursor = backward() ? this.before : this.after;
		if (cursor != null) {
			return cursor;
		}
		return ascending ? 0 : Long.MAX_VALUE;
	}

	/** The {@code ORDER BY} clause that reads the rows nearest the cursor first. */
	public String orderBy(String column, boolean ascending) {
		return " ORDER BY " + column + (towardSmallerIds(ascending) ? " DESC" : " ASC");
	}

	/**
	 * Forward in an ascending list, or backward in a descending one, reads larger ids;
	 * the other two read smaller ones.
	 */
	private boolean towardSmallerIds(boolean ascending) {
		return backward() == ascending;
	}

}
