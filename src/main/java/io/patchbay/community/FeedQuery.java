package io.patchbay.community;

import java.time.Instant;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a feed to read, newest first.
 *
 * @param after the previous page's {@code nextCursor}
 * @param before the next page's {@code previousCursor}, for the page in front of it; used
 * only when {@code after} is not given
 * @param since only posts created at or after this time
 * @param until only posts created at or before this time
 */
public record FeedQuery(@Nullable Long after, @Nullable Long before, @Nullable Instant since, @Nullable Instant until,
		int limit) {

	/** A page after a cursor (or the first page), as the member app reads the feed. */
	public FeedQuery(@Nullable Long after, @Nullable Instant since, @Nullable Instant until, int limit) {
		this(after, null, since, until, limit);
	}

	public static FeedQuery first(int limit) {
		return new FeedQuery(null, null, null, limit);
	}

	PageRequest page() {
		return new PageRequest(this.after, this.before, this.limit);
	}

}
