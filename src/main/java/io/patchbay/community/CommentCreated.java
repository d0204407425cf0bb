package io.patchbay.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A comment or a reply was created (webhook {@code group} {@code comments}, verb
 * {@code add}); {@code parentId} is the comment replied to. Published inside the
 * transaction that made the change.
 */
public record CommentCreated(long commentId, long postId, long groupId, @Nullable Long parentId, Author author,
		String message, List<Long> mentionedIds, Instant createdTime) {

}
