package io.patchbay.community;

import java.time.Instant;

/**
 * A member's place in a group.
 */
public record GroupMember(long groupId, long memberId, boolean admin, Instant joinedAt) {

}
