package io.patchbay.graph;

/**
 * What one Graph call may read through nested edges
 * ({@code feed?fields=comments.limit(100){comments.limit(100)}}): each edge read costs a
 * query and its items, so a selection that would multiply them beyond these bounds is
 * refused with error 100 instead of holding the database for seconds.
 */
final class WorkBudget {

	/** Nested edge reads (one query each) per call. */
	static final int MAX_EDGE_READS = 100;

	/** Objects rendered through nested edges per call. */
	static final int MAX_ITEMS = 5_000;

	private int edgeReads;

	private int items;

	/** Accounts for one nested edge read of up to {@code limit} items. */
	void edgeRead(int limit) {
		this.edgeReads++;
		this.items += limit;
		if (this.edgeReads > MAX_EDGE_READS || this.items > MAX_ITEMS) {
			throw GraphException.invalidParameter("(#100) Please reduce the amount of data you're asking for: "
					+ "nested edges and their limit() would read too much in one call");
		}
	}

}
