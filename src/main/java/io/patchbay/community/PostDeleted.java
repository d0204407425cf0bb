package io.patchbay.community;

import java.time.Instant;
import java.util.List;

/**
 * A post and its comments were deleted (verb {@code delete}). Published inside the
 * transaction that made the change.
 */
public record PostDeleted(long postId, long groupId, Author author, String message, List<Long> mentionedIds,
		Instant createdTime, Instant deletedTime) {

}
