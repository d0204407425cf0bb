package io.patchbay.integrations;

import java.util.List;

/**
 * Which groups the group permissions reach: all of them, or the listed ones.
 */
public record GroupAccess(boolean all, List<Long> groupIds) {

	public static final GroupAccess ALL = new GroupAccess(true, List.of());

	public GroupAccess {
		groupIds = all ? List.of() : List.copyOf(groupIds);
	}

	public static GroupAccess only(List<Long> groupIds) {
		return new GroupAccess(false, groupIds);
	}

	public boolean reaches(long groupId) {
		return this.all || this.groupIds.contains(groupId);
	}

}
