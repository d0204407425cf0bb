package io.patchbay.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A comment's message changed (verb {@code edit}). Published inside the transaction that
 * made the change.
 */
public record CommentEdited(long commentId, long postId, long groupId, @Nullable Long parentId, Author author,
		String message, List<Long> mentionedIds, Instant createdTime, Instant editedTime) {

}
