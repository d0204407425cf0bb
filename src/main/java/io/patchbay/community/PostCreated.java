package io.patchbay.community;

import java.time.Instant;
import java.util.List;

/**
 * A post was created in a group (webhook {@code group} {@code posts}, verb {@code add}).
 * Published inside the transaction that made the change.
 */
public record PostCreated(long postId, long groupId, Author author, String message, List<Long> mentionedIds,
		Instant createdTime) {

}
