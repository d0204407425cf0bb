package io.patchbay.community;

import java.time.Instant;
import java.util.List;

/**
 * A post's message changed (verb {@code edit}). Published inside the transaction that
 * made the change.
 */
public record PostEdited(long postId, long groupId, Author author, String message, List<Long> mentionedIds,
		Instant createdTime, Instant editedTime) {

}
