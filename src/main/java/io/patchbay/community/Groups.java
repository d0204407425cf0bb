package io.patchbay.community;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.integrations.GroupAccess;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's groups: creation, visibility and membership. Every read and write takes
 * the caller, and {@link CommunityRules} decides what it may see and do; a group the
 * caller may not see answers "not found", so that a hidden group's existence does not
 * leak.
 */
@Service
@Transactional
public class Groups {

	/** The most groups offered at once in a list to choose from. */
	public static final int GROUP_CHOICES = 1000;

	private final GroupRepository repository;

	private final CommunityRules rules;

	private final Members members;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Groups(GroupRepository repository, CommunityRules rules, Members members, AuditLog audit,
			ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.rules = rules;
		this.members = members;
		this.audit = audit;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** Creates a group; a member who creates one joins it as its admin. */
	public Group create(Actor actor, String name, @Nullable String description, Privacy privacy) {
		this.rules.create(actor);
		String checkedName = checkName(name);
		String checkedDescription = checkDescription(description);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.repository.insert(id, checkedName, checkedDescription, privacy, now);
		if (actor instanceof Actor.Member member) {
			join(id, member.id(), true, now);
		}
		this.audit.record("group.created", "group", String.valueOf(id), checkedName, "privacy=" + privacy);
		return find(id);
	}

	public Group update(Actor actor, long id, @Nullable String name, @Nullable String description,
			@Nullable Privacy privacy) {
		Group current = this.rules.manage(actor, id);
		this.repository.update(id, (name != null) ? checkName(name) : current.name(),
				(description != null) ? checkDescription(description) : current.description(),
				(privacy != null) ? privacy : current.privacy(), this.clock.instant());
		return find(id);
	}

	/** The group, if the caller may see it. */
	@Transactional(readOnly = true)
	public Group find(Actor actor, long id) {
		return this.rules.readGroup(actor, id);
	}

	/**
	 * The groups the caller sees, in creation order: for an integration those of its
	 * group access, for an administrator all of them. Any page, forward or backward.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<Group> list(Actor actor, PageRequest page) {
		this.rules.listGroups(actor);
		List<Group> rows = switch (actor) {
			case Actor.Page caller -> this.repository.list(page, caller.groupAccess(), null);
			case Actor.Member member -> this.repository.list(page, GroupAccess.ALL, member.id());
			case Actor.Workflow workflow ->
				this.repository.list(page, GroupAccess.ALL, workflow.administrative() ? null : workflow.creatorId());
			case Actor.Administrator administrator -> this.repository.list(page, GroupAccess.ALL, null);
		};
		return KeysetPage.of(rows, page, Group::id);
	}

	/**
	 * Every group by name, up to {@code limit}, for an administrator choosing among them
	 * (an integration's group access).
	 */
	@Transactional(readOnly = true)
	public List<Group> byName(Actor.Administrator administrator, int limit) {
		this.rules.listGroups(administrator);
		return this.repository.byName(Math.clamp(limit, 1, GROUP_CHOICES));
	}

	/** The groups a member sees (open ones and their own), by name. */
	@Transactional(readOnly = true)
	public List<Group> visibleTo(Actor.Member member) {
		return this.repository.visibleTo(member.id());
	}

	/** The groups a member belongs to, by name. */
	@Transactional(readOnly = true)
	public List<Group> joinedBy(Actor.Member member) {
		return this.repository.joinedBy(member.id());
	}

	/** The member's groups by name, with what was posted since they last read each. */
	@Transactional(readOnly = true)
	public List<JoinedGroup> joinedWithUnread(Actor.Member member) {
		return this.repository.joinedWithUnread(member.id());
	}

	/**
	 * The member has just seen the group's newest posts (nothing if they have not
	 * joined).
	 */
	public void markRead(Actor.Member member, long groupId) {
		this.repository.markRead(groupId, member.id(), this.clock.instant());
	}

	/**
	 * The member's place in the group (which they must be able to see), if they joined
	 * it.
	 */
	@Transactional(readOnly = true)
	public Optional<GroupMember> membership(Actor.Member member, long groupId) {
		this.rules.readGroup(member, groupId);
		return this.repository.membership(groupId, member.id());
	}

	/** A group's members in member id order: any page, forward or backward. */
	@Transactional(readOnly = true)
	public KeysetPage<GroupMember> members(Actor actor, long groupId, PageRequest page) {
		this.rules.readMembers(actor, groupId);
		return KeysetPage.of(this.repository.members(groupId, page), page, GroupMember::memberId);
	}

	/**
	 * Adds active members to the group; those already in it stay as they are. Answers the
	 * group.
	 */
	public Group addMembers(Actor actor, long groupId, Collection<Long> memberIds) {
		this.rules.manage(actor, groupId);
		return add(groupId, memberIds);
	}

	/**
	 * Adds the active member with this email, for a caller who may manage the group
	 * (checked first, so that only they learn whether the email is a member's).
	 */
	public Group addByEmail(Actor actor, long groupId, String email) {
		this.rules.manage(actor, groupId);
		MemberProfile colleague = this.members.findByEmail(email.strip())
			.filter(MemberProfile::active)
			.orElseThrow(() -> new InvalidInputException("email", "No active member has that email"));
		return add(groupId, List.of(colleague.id()));
	}

	/** The group, if the caller may change it (its admins, for a member). */
	@Transactional(readOnly = true)
	public Group manageable(Actor actor, long groupId) {
		return this.rules.manage(actor, groupId);
	}

	/** The member joins an open group. */
	public Group join(Actor.Member member, long groupId) {
		this.rules.joinOrLeave(member, groupId, true);
		return add(groupId, List.of(member.id()));
	}

	public void removeMember(Actor actor, long groupId, long memberId) {
		Group group = (actor instanceof Actor.Member member && member.id() == memberId)
				? this.rules.joinOrLeave(member, groupId, false) : this.rules.manage(actor, groupId);
		if (this.repository.leave(groupId, memberId)) {
			this.audit.record("group.member_removed", "group", String.valueOf(groupId), group.name(),
					"memberId=" + memberId);
			this.events.publishEvent(new GroupMembershipChanged(groupId, memberId, false, this.clock.instant()));
		}
	}

	private Group add(long groupId, Collection<Long> memberIds) {
		Set<Long> wanted = new LinkedHashSet<>(memberIds);
		List<MemberProfile> found = this.members.findAll(wanted);
		for (MemberProfile member : found) {
			if (!member.active()) {
				throw new InvalidInputException("memberIds", "Member " + member.id() + " is deactivated");
			}
		}
		if (found.size() != wanted.size()) {
			wanted.removeAll(found.stream().map(MemberProfile::id).toList());
			throw new InvalidInputException("memberIds", "No member has the id " + wanted.iterator().next());
		}
		Set<Long> already = this.repository.membersAmong(groupId, wanted);
		Instant now = this.clock.instant();
		List<Long> added = wanted.stream().filter((id) -> !already.contains(id)).toList();
		added.forEach((id) -> join(groupId, id, false, now));
		Group group = find(groupId);
		if (!added.isEmpty()) {
			this.audit.record("group.members_added", "group", String.valueOf(groupId), group.name(),
					"memberIds=" + added);
		}
		return group;
	}

	private void join(long groupId, long memberId, boolean admin, Instant now) {
		this.repository.join(groupId, memberId, admin, now);
		this.events.publishEvent(new GroupMembershipChanged(groupId, memberId, true, now));
	}

	/**
	 * Without a caller: for this module's own bookkeeping, after the rules were applied.
	 */
	Group find(long id) {
		return this.repository.findById(id).orElseThrow();
	}

	Optional<Group> findById(long id) {
		return this.repository.findById(id);
	}

	private static String checkName(String name) {
		String stripped = name.strip();
		if (stripped.isEmpty() || stripped.length() > 100) {
			throw new InvalidInputException("name", "name must be 1 to 100 characters");
		}
		return stripped;
	}

	private static String checkDescription(@Nullable String description) {
		String stripped = (description != null) ? description.strip() : "";
		if (stripped.length() > 2000) {
			throw new InvalidInputException("description", "description must be at most 2,000 characters");
		}
		return stripped;
	}

}
