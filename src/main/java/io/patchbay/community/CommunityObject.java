package io.patchbay.community;

import org.jspecify.annotations.Nullable;

/**
 * What a community id names, so that an adapter reading {@code /{id}} knows where to go.
 *
 * @param postId the post itself, or the post a comment belongs to; {@code null} for a
 * group
 */
public record CommunityObject(Type type, long id, long groupId, @Nullable Long postId) {

	public enum Type {

		GROUP, POST, COMMENT

	}

}
