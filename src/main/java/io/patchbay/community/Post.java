package io.patchbay.community;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post in a group's feed. The Graph API shows its id as {@code groupId_postId}.
 *
 * @param mentionedIds the ids named by {@code @[id]} in the message, in order
 */
public record Post(long id, long groupId, Author author, String message, Formatting formatting, @Nullable String link,
		List<Long> mentionedIds, long commentCount, long likeCount, Instant createdAt, Instant updatedAt) {

	public boolean edited() {
		return this.updatedAt.isAfter(this.createdAt);
	}

}
