package io.patchbay.community;

import java.time.Instant;

/**
 * A member joined ({@code added}) or left a group (webhook {@code group}
 * {@code membership}). Published inside the transaction that made the change.
 */
public record GroupMembershipChanged(long groupId, long memberId, boolean added, Instant occurredAt) {

}
