package io.patchbay.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A comment on a post, or a reply to a comment ({@code parentId}).
 *
 * @param mentionedIds the ids named by {@code @[id]} in the message, in order
 */
public record Comment(long id, long postId, long groupId, @Nullable Long parentId, Author author, String message,
		List<Long> mentionedIds, long replyCount, long likeCount, Instant createdAt, Instant updatedAt) {

	public boolean edited() {
		return this.updatedAt.isAfter(this.createdAt);
	}

}
