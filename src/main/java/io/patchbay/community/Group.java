package io.patchbay.community;

import java.time.Instant;

/**
 * A group of the community.
 */
public record Group(long id, String name, String description, Privacy privacy, long memberCount, Instant createdAt,
		Instant updatedAt) {

	/** Open groups are visible to everyone; closed and secret ones to their members. */
	public boolean isOpen() {
		return this.privacy == Privacy.OPEN;
	}

}
