package io.patchbay.community;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * What each kind of caller may see and do in the community, written once for every
 * adapter:
 * <ul>
 * <li>a member sees open groups and the groups they belong to, and writes (posts,
 * comments, likes) only in groups they belong to; they edit and delete only what they
 * wrote;</li>
 * <li>an integration's page needs the permission of the operation ({@code read_group},
 * {@code write_group}, {@code manage_group}, {@code read_group_membership}) in a group of
 * its group access, or {@code bot_mention} on a post that mentions it; it edits and
 * deletes others' content only with {@code write_group};</li>
 * <li>a workflow reads and writes where its creator may (anywhere when an administrator
 * made it);</li>
 * <li>an administrator reads every group and manages groups and their members with
 * {@code manage_accounts}; content is written by members, pages and workflows.</li>
 * </ul>
 * A group the caller may not see does not exist for it ({@link NotFoundException}); a
 * page missing a permission gets {@link MissingPermissionException}, checked before the
 * object is looked up, as the Graph API orders its checks.
 */
@Component
class CommunityRules {

	private final GroupRepository groups;

	CommunityRules(GroupRepository groups) {
		this.groups = groups;
	}

	/** The group itself (its name, privacy, member count). */
	Group readGroup(Actor actor, long groupId) {
		if (actor instanceof Actor.Page page && !page.holds(Permission.READ_GROUP)) {
			require(page, Permission.MANAGE_GROUP, Permission.READ_GROUP);
		}
		Group group = find(groupId);
		return switch (actor) {
			case Actor.Page page -> reachable(page, group,
					page.holds(Permission.READ_GROUP) ? Permission.READ_GROUP : Permission.MANAGE_GROUP);
			default -> visible(actor, group);
		};
	}

	/** Listing groups: a page needs {@code read_group} or {@code manage_group}. */
	void listGroups(Actor actor) {
		switch (actor) {
			case Actor.Page page -> {
				if (!page.holds(Permission.READ_GROUP)) {
					require(page, Permission.MANAGE_GROUP, Permission.READ_GROUP);
				}
			}
			case Actor.Administrator administrator -> {
				if (administrator.permissions().isEmpty()) {
					throw new AccessRefusedException("Only administrators list every group");
				}
			}
			default -> {
				// Members and workflows list what they see.
			}
		}
	}

	/** A group's feed and everything in it. */
	void readContent(Actor actor, long groupId) {
		if (actor instanceof Actor.Page page) {
			require(page, Permission.READ_GROUP);
			reachable(page, privacy(groupId), Permission.READ_GROUP);
		}
		else {
			visible(actor, privacy(groupId));
		}
	}

	/**
	 * One post and its comments: as {@link #readContent}, or for a page holding
	 * {@code bot_mention} a post that mentions it, wherever it is.
	 */
	void readPost(Actor actor, Post post) {
		if (actor instanceof Actor.Page page && mentions(page, post)) {
			return;
		}
		readContent(actor, post.groupId());
	}

	/** Posting in a group's feed. */
	void post(Actor actor, long groupId) {
		switch (actor) {
			case Actor.Page page -> {
				require(page, Permission.WRITE_GROUP);
				reachable(page, privacy(groupId), Permission.WRITE_GROUP);
			}
			case Actor.Administrator administrator -> throw new AccessRefusedException(
					"Administrators manage groups; posts are written by members, integrations and workflows");
			default -> requireMembership(actor, visible(actor, privacy(groupId)));
		}
	}

	/**
	 * Commenting on a post or replying to a comment, and liking either: a member of the
	 * group; a page with {@code write_group} in a reachable group, or with
	 * {@code bot_mention} on a post that mentions it.
	 */
	void respond(Actor actor, Post post, boolean like) {
		switch (actor) {
			case Actor.Page page -> {
				if (like) {
					require(page, Permission.WRITE_GROUP);
				}
				if (mentions(page, post)) {
					return;
				}
				require(page, Permission.WRITE_GROUP);
				reachable(page, privacy(post.groupId()), Permission.WRITE_GROUP);
			}
			case Actor.Administrator administrator -> throw new AccessRefusedException(
					"Administrators manage groups; comments and likes come from members and integrations");
			case Actor.Workflow workflow -> throw new AccessRefusedException("Workflows post; they do not comment");
			case Actor.Member member -> requireMembership(member, visible(member, privacy(post.groupId())));
		}
	}

	/**
	 * Editing or deleting a post or comment of the group: its author; a page with
	 * {@code write_group} anything in a reachable group, and without it only what it
	 * wrote itself (a bot replying through {@code bot_mention}).
	 */
	void change(Actor actor, long groupId, Author author) {
		switch (actor) {
			case Actor.Page page -> {
				boolean own = author.type() == AuthorType.PAGE && author.id() == page.pageId();
				if (page.holds(Permission.WRITE_GROUP)) {
					if (!own) {
						reachable(page, privacy(groupId), Permission.WRITE_GROUP);
					}
					return;
				}
				if (!own || !page.holds(Permission.BOT_MENTION)) {
					throw new MissingPermissionException(Permission.WRITE_GROUP);
				}
			}
			case Actor.Member member -> {
				visible(member, privacy(groupId));
				if (author.type() != AuthorType.MEMBER || author.id() != member.id()) {
					throw new AccessRefusedException("Only its author may change or delete this");
				}
			}
			case Actor.Workflow workflow -> {
				if (author.type() != AuthorType.WORKFLOW || author.id() != workflow.id()) {
					throw new AccessRefusedException("Only its author may change or delete this");
				}
			}
			case Actor.Administrator administrator ->
				throw new AccessRefusedException("Only its author may change or delete this");
		}
	}

	/**
	 * Who belongs to a group. A group's membership is reachable only within the group
	 * access, as the {@code membership} webhook is; the community's members are not.
	 */
	Group readMembers(Actor actor, long groupId) {
		if (actor instanceof Actor.Page page) {
			require(page, Permission.READ_GROUP_MEMBERSHIP);
			Group group = find(groupId);
			if (!page.groupAccess().reaches(group.id())) {
				throw notFound(group.id());
			}
			return group;
		}
		return visible(actor, find(groupId));
	}

	/** Creating a group. */
	void create(Actor actor) {
		switch (actor) {
			case Actor.Page page -> require(page, Permission.MANAGE_GROUP);
			case Actor.Administrator administrator -> requireManageAccounts(administrator);
			case Actor.Workflow workflow -> throw new AccessRefusedException("Workflows do not create groups");
			case Actor.Member member -> {
				// Any member may start a group, which they then administer.
			}
		}
	}

	/**
	 * Editing a group or adding and removing its members: a page with
	 * {@code manage_group} in a reachable group, an administrator with
	 * {@code manage_accounts}, or one of the group's own admins.
	 */
	Group manage(Actor actor, long groupId) {
		switch (actor) {
			case Actor.Page page -> {
				require(page, Permission.MANAGE_GROUP);
				return reachable(page, find(groupId), Permission.MANAGE_GROUP);
			}
			case Actor.Administrator administrator -> {
				requireManageAccounts(administrator);
				return find(groupId);
			}
			case Actor.Member member -> {
				Group group = visible(member, find(groupId));
				if (this.groups.membership(groupId, member.id()).filter(GroupMember::admin).isEmpty()) {
					throw new AccessRefusedException("Only the group's admins may change it");
				}
				return group;
			}
			case Actor.Workflow workflow -> throw new AccessRefusedException("Workflows do not manage groups");
		}
	}

	/** A member joining an open group, or leaving any group they are in. */
	Group joinOrLeave(Actor.Member member, long groupId, boolean join) {
		Group group = visible(member, find(groupId));
		if (join && !group.isOpen()) {
			throw new AccessRefusedException("Closed and secret groups are joined by invitation of their admins");
		}
		return group;
	}

	/** Whether the caller sees the group (members: open or theirs; others: see above). */
	private boolean sees(Actor actor, GroupPrivacy group) {
		return switch (actor) {
			case Actor.Member member -> group.open() || isMember(member.id(), group.id());
			case Actor.Workflow workflow ->
				workflow.administrative() || group.open() || isMember(workflow.creatorId(), group.id());
			case Actor.Administrator administrator -> !administrator.permissions().isEmpty();
			case Actor.Page page -> page.groupAccess().reaches(group.id());
		};
	}

	private Group visible(Actor actor, Group group) {
		visible(actor, GroupPrivacy.of(group));
		return group;
	}

	private GroupPrivacy visible(Actor actor, GroupPrivacy group) {
		if (!sees(actor, group)) {
			throw notFound(group.id());
		}
		return group;
	}

	private void requireMembership(Actor actor, GroupPrivacy group) {
		boolean member = switch (actor) {
			case Actor.Member caller -> isMember(caller.id(), group.id());
			case Actor.Workflow workflow -> workflow.administrative() || isMember(workflow.creatorId(), group.id());
			default -> false;
		};
		if (!member) {
			throw new AccessRefusedException("Join the group to write in it");
		}
	}

	private boolean isMember(long memberId, long groupId) {
		return this.groups.membership(groupId, memberId).isPresent();
	}

	private static Group reachable(Actor.Page page, Group group, Permission permission) {
		reachable(page, GroupPrivacy.of(group), permission);
		return group;
	}

	private static void reachable(Actor.Page page, GroupPrivacy group, Permission permission) {
		if (!page.reaches(permission, group.id())) {
			throw notFound(group.id());
		}
	}

	private static boolean mentions(Actor.Page page, Post post) {
		return page.holds(Permission.BOT_MENTION) && post.mentionedIds().contains(page.pageId());
	}

	/** The page must hold {@code permission}; the refusal names {@code named}. */
	private static void require(Actor.Page page, Permission permission, Permission named) {
		if (!page.holds(permission)) {
			throw new MissingPermissionException(named);
		}
	}

	private static void require(Actor.Page page, Permission permission) {
		require(page, permission, permission);
	}

	private static void requireManageAccounts(Actor.Administrator administrator) {
		if (!administrator.holds(AdminPermission.MANAGE_ACCOUNTS)) {
			throw new AccessRefusedException("Managing groups needs the admin permission manage_accounts");
		}
	}

	private Group find(long groupId) {
		return this.groups.findById(groupId).orElseThrow(() -> notFound(groupId));
	}

	/** What the rules need of a group, read without counting its members. */
	private GroupPrivacy privacy(long groupId) {
		return this.groups.privacyOf(groupId)
			.map((privacy) -> new GroupPrivacy(groupId, privacy == Privacy.OPEN))
			.orElseThrow(() -> notFound(groupId));
	}

	private record GroupPrivacy(long id, boolean open) {

		static GroupPrivacy of(Group group) {
			return new GroupPrivacy(group.id(), group.isOpen());
		}

	}

	private static NotFoundException notFound(long groupId) {
		return new NotFoundException("Group", String.valueOf(groupId));
	}

}
