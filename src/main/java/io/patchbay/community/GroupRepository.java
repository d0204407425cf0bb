package io.patchbay.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.patchbay.integrations.GroupAccess;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code community}, {@code member_group} and {@code group_member} tables.
 */
@Repository
class GroupRepository {

	private static final String SELECT = "SELECT g.id, g.name, g.description, g.privacy, g.created_at, g.updated_at, "
			+ "(SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id) AS member_count FROM member_group g ";

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Community> community() {
		return this.jdbc.sql("SELECT id, name FROM community")
			.query((rs, row) -> new Community(rs.getLong("id"), rs.getString("name")))
			.optional();
	}

	/** Creates the one community row, unless another node just did. */
	void insertCommunity(long id, String name, Instant now) {
		try {
			this.jdbc.sql("INSERT INTO community (id, single_row, name, created_at) VALUES (?, 1, ?, ?)")
				.params(id, name, Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another request created it at the same moment: the caller reads theirs.
		}
	}

	void insert(long id, String name, String description, Privacy privacy, Instant now) {
		this.jdbc
			.sql("INSERT INTO member_group (id, name, description, privacy, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, name, description, privacy.name(), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	void update(long id, String name, String description, Privacy privacy, Instant now) {
		this.jdbc.sql("UPDATE member_group SET name = ?, description = ?, privacy = ?, updated_at = ? WHERE id = ?")
			.params(name, description, privacy.name(), Timestamp.from(now), id)
			.update();
	}

	/** A group's privacy, without counting its members: what access rules need. */
	Optional<Privacy> privacyOf(long id) {
		return this.jdbc.sql("SELECT privacy FROM member_group WHERE id = ?")
			.param(id)
			.query((rs, row) -> Privacy.valueOf(rs.getString("privacy")))
			.optional();
	}

	Optional<Group> findById(long id) {
		return this.jdbc.sql(SELECT + "WHERE g.id = ?").param(id).query(GroupRepository::map).optional();
	}

	/**
	 * A page of groups in id order, in the order {@link PageRequest#orderBy} reads them:
	 * those of a group access, and, when {@code seenBy} names a member, only the open
	 * ones and that member's.
	 */
	List<Group> list(PageRequest page, GroupAccess within, @Nullable Long seenBy) {
		if (!within.all() && within.groupIds().isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE ")
			.append(page.where("g.id", true).replace("?", ":key"));
		if (!within.all()) {
			sql.append(" AND g.id IN (:ids)");
		}
		if (seenBy != null) {
			sql.append(" AND (g.privacy = 'OPEN' OR EXISTS (SELECT 1 FROM group_member v WHERE v.group_id = g.id")
				.append(" AND v.member_id = :member))");
		}
		sql.append(page.orderBy("g.id", true)).append(" LIMIT :rows");
		var query = this.jdbc.sql(sql.toString()).param("key", page.key(true)).param("rows", page.rows());
		if (!within.all()) {
			query = query.param("ids", within.groupIds());
		}
		if (seenBy != null) {
			query = query.param("member", seenBy);
		}
		return query.query(GroupRepository::map).list();
	}

	/** The groups a member sees: open ones and those they belong to, by name. */
	List<Group> visibleTo(long memberId) {
		return this.jdbc
			.sql(SELECT + "WHERE g.privacy = 'OPEN' OR EXISTS (SELECT 1 FROM group_member v WHERE v.group_id = g.id "
					+ "AND v.member_id = ?) ORDER BY LOWER(g.name), g.id")
			.param(memberId)
			.query(GroupRepository::map)
			.list();
	}

	/** The groups a member belongs to, by name. */
	List<Group> joinedBy(long memberId) {
		return this.jdbc
			.sql(SELECT + "WHERE EXISTS (SELECT 1 FROM group_member v WHERE v.group_id = g.id AND v.member_id = ?) "
					+ "ORDER BY LOWER(g.name), g.id")
			.param(memberId)
			.query(GroupRepository::map)
			.list();
	}

	/**
	 * The member's groups by name, each with the posts by others since the member last
	 * read it (or joined): one statement, each count a range of the (group, time) index.
	 */
	List<Group> byName(int limit) {
		return this.jdbc.sql(SELECT + "ORDER BY LOWER(g.name), g.id LIMIT ?")
			.param(limit)
			.query(GroupRepository::map)
			.list();
	}

	List<JoinedGroup> joinedWithUnread(long memberId) {
		return this.jdbc
			.sql(SELECT.replace("FROM member_group g ",
					", (SELECT COUNT(*) FROM post p "
							+ "WHERE p.group_id = g.id AND p.created_at > COALESCE(r.read_at, r.joined_at) "
							+ "AND NOT (p.author_type = 'MEMBER' AND p.author_id = r.member_id)) AS unread "
							+ "FROM member_group g JOIN group_member r ON r.group_id = g.id AND r.member_id = ? ")
					+ "ORDER BY LOWER(g.name), g.id")
			.param(memberId)
			.query((rs, row) -> new JoinedGroup(map(rs, row), rs.getInt("unread")))
			.list();
	}

	/**
	 * The member has seen the group's feed as of {@code now}; nothing if not a member.
	 */
	void markRead(long groupId, long memberId, Instant now) {
		this.jdbc.sql("UPDATE group_member SET read_at = ? WHERE group_id = ? AND member_id = ?")
			.params(Timestamp.from(now), groupId, memberId)
			.update();
	}

	Optional<GroupMember> membership(long groupId, long memberId) {
		return this.jdbc.sql("SELECT * FROM group_member WHERE group_id = ? AND member_id = ?")
			.params(groupId, memberId)
			.query(GroupRepository::mapMember)
			.optional();
	}

	/** Which of the members already belong to the group. */
	Set<Long> membersAmong(long groupId, Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return Set.of();
		}
		return Set
			.copyOf(this.jdbc.sql("SELECT member_id FROM group_member WHERE group_id = :group AND member_id IN (:ids)")
				.param("group", groupId)
				.param("ids", memberIds)
				.query(Long.class)
				.list());
	}

	/**
	 * A group's members in member id order, as {@link PageRequest#orderBy} reads them.
	 */
	List<GroupMember> members(long groupId, PageRequest page) {
		return this.jdbc
			.sql("SELECT * FROM group_member WHERE group_id = ? AND " + page.where("member_id", true)
					+ page.orderBy("member_id", true) + " LIMIT ?")
			.params(groupId, page.key(true), page.rows())
			.query(GroupRepository::mapMember)
			.list();
	}

	void join(long groupId, long memberId, boolean admin, Instant now) {
		this.jdbc.sql("INSERT INTO group_member (group_id, member_id, is_admin, joined_at) VALUES (?, ?, ?, ?)")
			.params(groupId, memberId, admin, Timestamp.from(now))
			.update();
	}

	boolean leave(long groupId, long memberId) {
		return this.jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND member_id = ?")
			.params(groupId, memberId)
			.update() > 0;
	}

	private static Group map(ResultSet rs, int row) throws SQLException {
		return new Group(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				Privacy.valueOf(rs.getString("privacy")), rs.getLong("member_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static GroupMember mapMember(ResultSet rs, int row) throws SQLException {
		return new GroupMember(rs.getLong("group_id"), rs.getLong("member_id"), rs.getBoolean("is_admin"),
				rs.getTimestamp("joined_at").toInstant());
	}

}
