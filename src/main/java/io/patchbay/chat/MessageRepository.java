package io.patchbay.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.PageRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chat_message} table; a message's template and quick replies are kept as
 * JSON.
 */
@Repository
class MessageRepository {

	private static final TypeReference<List<QuickReply>> QUICK_REPLIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MessageRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Message message) {
		this.jdbc.sql("INSERT INTO chat_message (id, thread_id, sender_id, sender_type, sender_name, text, attachment, "
				+ "quick_replies, metadata, quick_reply_payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.threadId(), message.from().id(), message.from().type().name(),
					message.from().name(), message.text(),
					(message.attachment() != null) ? this.json.writeValueAsString(message.attachment()) : null,
					message.quickReplies().isEmpty() ? null : this.json.writeValueAsString(message.quickReplies()),
					message.metadata(), message.quickReplyPayload(), Timestamp.from(message.createdAt()))
			.update();
	}

	Optional<Message> findById(long id) {
		return this.jdbc.sql("SELECT * FROM chat_message WHERE id = ?").param(id).query(this::map).optional();
	}

	/**
	 * A page of a thread's messages, oldest first, as {@link PageRequest#orderBy} reads
	 * them.
	 */
	List<Message> list(long threadId, PageRequest page) {
		return this.jdbc
			.sql("SELECT * FROM chat_message WHERE thread_id = ? AND " + page.where("id", true)
					+ page.orderBy("id", true) + " LIMIT ?")
			.params(threadId, page.key(true), page.rows())
			.query(this::map)
			.list();
	}

	/** The ids of a sender's messages after {@code afterId}, up to {@code upToId}. */
	List<Long> idsFrom(long threadId, long senderId, long afterId, long upToId) {
		return this.jdbc
			.sql("SELECT id FROM chat_message WHERE thread_id = ? AND sender_id = ? AND id > ? AND id <= ? ORDER BY id")
			.params(threadId, senderId, afterId, upToId)
			.query(Long.class)
			.list();
	}

	/** The newest message of the thread, if any. */
	Optional<Long> newest(long threadId) {
		return this.jdbc.sql("SELECT id FROM chat_message WHERE thread_id = ? ORDER BY id DESC LIMIT 1")
			.param(threadId)
			.query(Long.class)
			.optional();
	}

	void deleteBySender(long senderId, ParticipantType type) {
		this.jdbc.sql("DELETE FROM chat_message WHERE sender_id = ? AND sender_type = ?")
			.params(senderId, type.name())
			.update();
	}

	private Message map(ResultSet rs, int row) throws SQLException {
		String attachment = rs.getString("attachment");
		String quickReplies = rs.getString("quick_replies");
		return new Message(rs.getLong("id"), rs.getLong("thread_id"),
				new Participant(rs.getLong("sender_id"), ParticipantType.valueOf(rs.getString("sender_type")),
						rs.getString("sender_name")),
				rs.getString("text"), (attachment != null) ? this.json.readValue(attachment, Attachment.class) : null,
				(quickReplies != null) ? this.json.readValue(quickReplies, QUICK_REPLIES) : List.of(),
				rs.getString("metadata"), rs.getString("quick_reply_payload"),
				rs.getTimestamp("created_at").toInstant());
	}

}
