package io.patchbay.community;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a feed to read, newest first.
 *
 * @param after the previous page's {@code nextCursor}
 * @param since only posts created at or after this time
 * @param until only posts created at or before this time
 */
public record FeedQuery(@Nullable Long after, @Nullable Instant since, @Nullable Instant until, int limit) {

	public static FeedQuery first(int limit) {
		return new FeedQuery(null, null, null, limit);
	}

}
