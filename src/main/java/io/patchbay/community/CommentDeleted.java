package io.patchbay.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A comment and its replies were deleted (verb {@code delete}). Published inside the
 * transaction that made the change.
 */
public record CommentDeleted(long commentId, long postId, long groupId, @Nullable Long parentId, Author author,
		String message, List<Long> mentionedIds, Instant createdTime, Instant deletedTime) {

}
