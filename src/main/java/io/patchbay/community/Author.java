package io.patchbay.community;

import io.patchbay.accounts.MemberProfile;

/**
 * The author of a post, comment or like: a member, an integration's page (its
 * {@code pageId} and name) when the Graph API writes for it, or a workflow. The name is
 * kept as it was when writing.
 */
public record Author(long id, AuthorType type, String name) {

	public static Author member(MemberProfile member) {
		return new Author(member.id(), AuthorType.MEMBER, member.name());
	}

	public static Author member(long id, String name) {
		return new Author(id, AuthorType.MEMBER, name);
	}

	public static Author page(long pageId, String name) {
		return new Author(pageId, AuthorType.PAGE, name);
	}

	public static Author workflow(long workflowId, String name) {
		return new Author(workflowId, AuthorType.WORKFLOW, name);
	}

	public boolean isMember() {
		return this.type == AuthorType.MEMBER;
	}

}
