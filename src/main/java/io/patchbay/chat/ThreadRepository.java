package io.patchbay.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chat_thread} and {@code chat_participant} tables. Lists read the threads,
 * their unread counts and their participants in two queries, whatever their number.
 */
@Repository
class ThreadRepository {

	/** A participant's place in a thread: how far they have read and received. */
	record Place(long readUpTo, long deliveredUpTo) {
	}

	private record Row(long id, ThreadKind kind, @Nullable String name, Instant createdAt, long activityId,
			int unread) {
	}

	private final JdbcClient jdbc;

	ThreadRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the thread; false when a one-to-one thread with this key exists already.
	 */
	boolean insert(long id, ThreadKind kind, @Nullable String name, @Nullable String directKey, Instant now) {
		try {
			this.jdbc
				.sql("INSERT INTO chat_thread (id, kind, name, direct_key, activity_id, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)")
				.params(id, kind.name(), name, directKey, id, Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void addParticipant(long threadId, Participant participant, Instant now, long readUpTo) {
		this.jdbc
			.sql("INSERT INTO chat_participant (thread_id, participant_id, participant_type, name, joined_at, "
					+ "read_up_to, delivered_up_to) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(threadId, participant.id(), participant.type().name(), participant.name(), Timestamp.from(now),
					readUpTo, readUpTo)
			.update();
	}

	boolean removeParticipant(long threadId, long participantId) {
		return this.jdbc.sql("DELETE FROM chat_participant WHERE thread_id = ? AND participant_id = ?")
			.params(threadId, participantId)
			.update() > 0;
	}

	Optional<Long> findDirect(String directKey) {
		return this.jdbc.sql("SELECT id FROM chat_thread WHERE direct_key = ?")
			.param(directKey)
			.query(Long.class)
			.optional();
	}

	/** The thread as a participant (or anyone, with no unread count) sees it. */
	Optional<ChatThread> find(long threadId, long viewerId) {
		List<Row> rows = this.jdbc.sql(select() + " WHERE t.id = :thread")
			.param("viewer", viewerId)
			.param("thread", threadId)
			.query(ThreadRepository::map)
			.list();
		return withParticipants(rows).stream().findFirst();
	}

	/** The thread and its participants, without anyone's unread count: for writing. */
	Optional<ChatThread> find(long threadId) {
		List<Row> rows = this.jdbc
			.sql("SELECT t.id, t.kind, t.name, t.created_at, t.activity_id, 0 AS unread FROM chat_thread t "
					+ "WHERE t.id = ?")
			.param(threadId)
			.query(ThreadRepository::map)
			.list();
		return withParticipants(rows).stream().findFirst();
	}

	/**
	 * A page of the threads a participant is in, newest activity first, as
	 * {@link PageRequest#orderBy} reads them.
	 */
	List<ChatThread> listFor(long participantId, PageRequest page) {
		String where = " WHERE EXISTS (SELECT 1 FROM chat_participant mine WHERE mine.thread_id = t.id "
				+ "AND mine.participant_id = :viewer) AND " + page.where("t.activity_id", false).replace("?", ":key");
		List<Row> rows = this.jdbc.sql(select() + where + page.orderBy("t.activity_id", false) + " LIMIT :rows")
			.param("viewer", participantId)
			.param("key", page.key(false))
			.param("rows", page.rows())
			.query(ThreadRepository::map)
			.list();
		return withParticipants(rows);
	}

	/** The messages from others after the participant's read marks, in one query. */
	int unreadTotal(long participantId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM chat_participant p JOIN chat_message m ON m.thread_id = p.thread_id "
					+ "AND m.id > p.read_up_to WHERE p.participant_id = :viewer AND m.sender_id <> :viewer")
			.param("viewer", participantId)
			.query(Integer.class)
			.single();
	}

	List<Participant> participants(long threadId) {
		return participantsOf(List.of(threadId)).getOrDefault(threadId, List.of());
	}

	Optional<Place> place(long threadId, long participantId) {
		return this.jdbc
			.sql("SELECT read_up_to, delivered_up_to FROM chat_participant WHERE thread_id = ? AND participant_id = ?")
			.params(threadId, participantId)
			.query((rs, row) -> new Place(rs.getLong("read_up_to"), rs.getLong("delivered_up_to")))
			.optional();
	}

	/** Moves the participant's read (and so received) mark forward to the message. */
	void read(long threadId, long participantId, long messageId) {
		this.jdbc
			.sql("UPDATE chat_participant SET read_up_to = ?, delivered_up_to = GREATEST(delivered_up_to, ?) "
					+ "WHERE thread_id = ? AND participant_id = ? AND read_up_to < ?")
			.params(messageId, messageId, threadId, participantId, messageId)
			.update();
	}

	/** Moves the participant's received mark forward to the message. */
	void delivered(long threadId, long participantId, long messageId) {
		this.jdbc
			.sql("UPDATE chat_participant SET delivered_up_to = ? "
					+ "WHERE thread_id = ? AND participant_id = ? AND delivered_up_to < ?")
			.params(messageId, threadId, participantId, messageId)
			.update();
	}

	void touch(long threadId, long activityId) {
		this.jdbc.sql("UPDATE chat_thread SET activity_id = ? WHERE id = ? AND activity_id < ?")
			.params(activityId, threadId, activityId)
			.update();
	}

	void rename(long threadId, String name) {
		this.jdbc.sql("UPDATE chat_thread SET name = ? WHERE id = ?").params(name, threadId).update();
	}

	void delete(long threadId) {
		this.jdbc.sql("DELETE FROM chat_thread WHERE id = ?").param(threadId).update();
	}

	/** The threads a participant is in, with how many participants each has. */
	Map<Long, Integer> threadsOf(long participantId) {
		Map<Long, Integer> sizes = new HashMap<>();
		this.jdbc
			.sql("SELECT p.thread_id, (SELECT COUNT(*) FROM chat_participant o WHERE o.thread_id = p.thread_id) "
					+ "AS size FROM chat_participant p WHERE p.participant_id = ?")
			.param(participantId)
			.query((ResultSet rs) -> {
				sizes.put(rs.getLong("thread_id"), rs.getInt("size"));
			});
		return sizes;
	}

	/** Removes a participant from every thread (a deleted bot). */
	void removeEverywhere(long participantId) {
		this.jdbc.sql("DELETE FROM chat_participant WHERE participant_id = ?").param(participantId).update();
	}

	/**
	 * The thread columns and, for the viewer, the messages from others after their read
	 * mark.
	 */
	private static String select() {
		return "SELECT t.id, t.kind, t.name, t.created_at, t.activity_id, "
				+ "(SELECT COUNT(*) FROM chat_message m JOIN chat_participant v ON v.thread_id = m.thread_id "
				+ "AND v.participant_id = :viewer WHERE m.thread_id = t.id AND m.id > v.read_up_to "
				+ "AND m.sender_id <> :viewer) AS unread FROM chat_thread t";
	}

	private List<ChatThread> withParticipants(List<Row> rows) {
		Map<Long, List<Participant>> participants = participantsOf(rows.stream().map(Row::id).toList());
		return rows.stream()
			.map((row) -> new ChatThread(row.id(), row.kind(), row.name(),
					participants.getOrDefault(row.id(), List.of()), row.createdAt(), row.activityId(), row.unread()))
			.toList();
	}

	Map<Long, List<Participant>> participantsOf(Collection<Long> threadIds) {
		Map<Long, List<Participant>> byThread = new HashMap<>();
		if (threadIds.isEmpty()) {
			return byThread;
		}
		this.jdbc
			.sql("SELECT thread_id, participant_id, participant_type, name FROM chat_participant "
					+ "WHERE thread_id IN (:threads) ORDER BY joined_at, participant_id")
			.param("threads", threadIds)
			.query((ResultSet rs) -> {
				byThread.computeIfAbsent(rs.getLong("thread_id"), (id) -> new ArrayList<>())
					.add(new Participant(rs.getLong("participant_id"),
							ParticipantType.valueOf(rs.getString("participant_type")), rs.getString("name")));
			});
		return byThread;
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), ThreadKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("activity_id"), rs.getInt("unread"));
	}

}
