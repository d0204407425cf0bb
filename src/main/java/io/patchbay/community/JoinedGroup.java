package io.patchbay.community;

/**
 * A group the member belongs to, with the posts by others since they last opened its
 * feed.
 */
public record JoinedGroup(Group group, int unread) {

	/** Beyond this the navigation says "99+". */
	public static final int MOST_SHOWN = 99;

	public boolean moreThanShown() {
		return this.unread > MOST_SHOWN;
	}

}
