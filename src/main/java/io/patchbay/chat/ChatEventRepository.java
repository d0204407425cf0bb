package io.patchbay.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chat_event} table: what the members' event streams carry, per thread.
 */
@Repository
class ChatEventRepository {

	private final JdbcClient jdbc;

	ChatEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ChatEvent event) {
		this.jdbc.sql("INSERT INTO chat_event (id, thread_id, event_type, data, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(event.id(), event.threadId(), event.type().name(), event.data(), Timestamp.from(event.at()))
			.update();
	}

	/**
	 * The events after {@code afterId} of the threads the member is in now, oldest first.
	 */
	List<ChatEvent> since(long memberId, long afterId, int limit) {
		return this.jdbc
			.sql("SELECT e.* FROM chat_event e JOIN chat_participant p ON p.thread_id = e.thread_id "
					+ "AND p.participant_id = ? WHERE e.id > ? ORDER BY e.id LIMIT ?")
			.params(memberId, afterId, limit)
			.query(ChatEventRepository::map)
			.list();
	}

	/**
	 * Every thread's events after {@code afterId} that another node wrote (an id's lowest
	 * byte is its node), oldest first: what this node's streams learn by polling.
	 */
	List<ChatEvent> since(long afterId, int node, int limit) {
		return this.jdbc.sql("SELECT * FROM chat_event WHERE id > ? AND MOD(id, 256) <> ? ORDER BY id LIMIT ?")
			.params(afterId, node, limit)
			.query(ChatEventRepository::map)
			.list();
	}

	private static ChatEvent map(ResultSet rs, int row) throws SQLException {
		return new ChatEvent(rs.getLong("id"), rs.getLong("thread_id"),
				ChatEvent.Type.valueOf(rs.getString("event_type")), rs.getString("data"),
				rs.getTimestamp("created_at").toInstant());
	}

	int purge(Instant before) {
		return this.jdbc.sql("DELETE FROM chat_event WHERE created_at < ?").param(Timestamp.from(before)).update();
	}

}
