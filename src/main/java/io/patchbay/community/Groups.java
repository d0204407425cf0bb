package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.AuditLog;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community and its groups: creation, visibility and membership. Closed and secret
 * groups are visible only to their members; callers acting for a member check
 * {@link #visible(long, long)} and answer "not found" otherwise, so that a hidden group's
 * existence does not leak.
 */
@Service
@Transactional
public class Groups {

	private static final String SELECT = "SELECT g.id, g.name, g.description, g.privacy, g.created_at, g.updated_at, "
			+ "(SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id) AS member_count FROM member_group g ";

	private final JdbcClient jdbc;

	private final Members members;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Groups(JdbcClient jdbc, Members members, AuditLog audit, ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.audit = audit;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * The install's one community, made at first use. Outside any caller's transaction,
	 * so that losing the race to create it (on PostgreSQL, a failed insert aborts the
	 * transaction) costs only a second read.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Community community() {
		Community known = this.community;
		if (known != null) {
			return known;
		}
		Community found = loadCommunity();
		this.community = found;
		return found;
	}

	/** The community row never changes once made, so it is read once per node. */
	private volatile @Nullable Community community;

	private Community loadCommunity() {
		Optional<Community> existing = this.jdbc.sql("SELECT id, name FROM community")
			.query((rs, row) -> new Community(rs.getLong("id"), rs.getString("name")))
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			this.jdbc.sql("INSERT INTO community (id, single_row, name, created_at) VALUES (?, 1, ?, ?)")
				.params(this.ids.next(), "Patchbay", Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another request created it at the same moment: read theirs.
		}
		return this.jdbc.sql("SELECT id, name FROM community")
			.query((rs, row) -> new Community(rs.getLong("id"), rs.getString("name")))
			.single();
	}

	/** Creates a group; its creator, when a member, joins it as its admin. */
	public Group create(String name, @Nullable String description, Privacy privacy, @Nullable Long creatorId) {
		String checkedName = checkName(name);
		String checkedDescription = checkDescription(description);
		long id = this.ids.next();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc
			.sql("INSERT INTO member_group (id, name, description, privacy, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, checkedName, checkedDescription, privacy.name(), now, now)
			.update();
		if (creatorId != null) {
			join(id, this.members.find(creatorId), true);
		}
		this.audit.record("group.created", "group", String.valueOf(id), checkedName, "privacy=" + privacy);
		return find(id);
	}

	public Group update(long id, @Nullable String name, @Nullable String description, @Nullable Privacy privacy) {
		Group current = find(id);
		this.jdbc.sql("UPDATE member_group SET name = ?, description = ?, privacy = ?, updated_at = ? WHERE id = ?")
			.params((name != null) ? checkName(name) : current.name(),
					(description != null) ? checkDescription(description) : current.description(),
					((privacy != null) ? privacy : current.privacy()).name(), Timestamp.from(this.clock.instant()), id)
			.update();
		return find(id);
	}

	@Transactional(readOnly = true)
	public Optional<Group> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE g.id = ?").param(id).query(Groups::map).optional();
	}

	@Transactional(readOnly = true)
	public Group find(long id) {
		return findById(id).orElseThrow(() -> new NotFoundException("Group", String.valueOf(id)));
	}

	/** Every group, in creation order, for administrators and integrations. */
	@Transactional(readOnly = true)
	public KeysetPage<Group> list(@Nullable Long after, int limit) {
		return list(PageRequest.after(after, limit));
	}

	/** Every group, in creation order: any page, forward or backward. */
	@Transactional(readOnly = true)
	public KeysetPage<Group> list(PageRequest page) {
		return KeysetPage
			.of(this.jdbc.sql(SELECT + "WHERE " + page.where("g.id", true) + page.orderBy("g.id", true) + " LIMIT ?")
				.params(page.key(true), page.rows())
				.query(Groups::map)
				.list(), page, Group::id);
	}

	/** The groups a member sees (open ones and their own), by name. */
	@Transactional(readOnly = true)
	public List<Group> visibleTo(long memberId) {
		return this.jdbc
			.sql(SELECT + "WHERE g.privacy = 'OPEN' OR EXISTS (SELECT 1 FROM group_member v WHERE v.group_id = g.id "
					+ "AND v.member_id = ?) ORDER BY LOWER(g.name), g.id")
			.param(memberId)
			.query(Groups::map)
			.list();
	}

	/** The group if the member may see it; not found otherwise. */
	@Transactional(readOnly = true)
	public Group visible(long groupId, long memberId) {
		Group group = find(groupId);
		if (!group.isOpen() && !isMember(groupId, memberId)) {
			throw new NotFoundException("Group", String.valueOf(groupId));
		}
		return group;
	}

	@Transactional(readOnly = true)
	public boolean isMember(long groupId, long memberId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM group_member WHERE group_id = ? AND member_id = ?")
			.params(groupId, memberId)
			.query(Long.class)
			.single() > 0;
	}

	@Transactional(readOnly = true)
	public KeysetPage<GroupMember> members(long groupId, @Nullable Long after, int limit) {
		return members(groupId, PageRequest.after(after, limit));
	}

	/** A group's members in member id order: any page, forward or backward. */
	@Transactional(readOnly = true)
	public KeysetPage<GroupMember> members(long groupId, PageRequest page) {
		find(groupId);
		return KeysetPage.of(this.jdbc
			.sql("SELECT * FROM group_member WHERE group_id = ? AND " + page.where("member_id", true)
					+ page.orderBy("member_id", true) + " LIMIT ?")
			.params(groupId, page.key(true), page.rows())
			.query((rs, row) -> new GroupMember(rs.getLong("group_id"), rs.getLong("member_id"),
					rs.getBoolean("is_admin"), rs.getTimestamp("joined_at").toInstant()))
			.list(), page, GroupMember::memberId);
	}

	/**
	 * Adds active members to the group; those already in it stay as they are. Answers the
	 * group.
	 */
	public Group addMembers(long groupId, Collection<Long> memberIds) {
		find(groupId);
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
		List<Long> added = found.stream().filter((member) -> !isMember(groupId, member.id())).map((member) -> {
			join(groupId, member, false);
			return member.id();
		}).toList();
		Group group = find(groupId);
		if (!added.isEmpty()) {
			this.audit.record("group.members_added", "group", String.valueOf(groupId), group.name(),
					"memberIds=" + added);
		}
		return group;
	}

	public void removeMember(long groupId, long memberId) {
		find(groupId);
		if (this.jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND member_id = ?")
			.params(groupId, memberId)
			.update() > 0) {
			this.audit.record("group.member_removed", "group", String.valueOf(groupId), find(groupId).name(),
					"memberId=" + memberId);
			this.events.publishEvent(new GroupMembershipChanged(groupId, memberId, false, this.clock.instant()));
		}
	}

	private void join(long groupId, MemberProfile member, boolean admin) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO group_member (group_id, member_id, is_admin, joined_at) VALUES (?, ?, ?, ?)")
			.params(groupId, member.id(), admin, Timestamp.from(now))
			.update();
		this.events.publishEvent(new GroupMembershipChanged(groupId, member.id(), true, now));
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

	private static Group map(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				Privacy.valueOf(rs.getString("privacy")), rs.getLong("member_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
