package io.patchbay.chat;

import java.time.Instant;
import java.util.List;

import io.patchbay.platform.Ids;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * A message in a thread. The APIs show its id as {@code m_<id>}.
 *
 * @param text what was written; a bot's message may carry only an attachment
 * @param quickReplies the chips a bot offers under it
 * @param metadata what a bot attached for itself ({@code message.metadata}), never shown
 * @param quickReplyPayload for a member's message sent by tapping a quick reply: that
 * reply's payload
 */
public record Message(long id, long threadId, Participant from, @Nullable String text, @Nullable Attachment attachment,
		List<QuickReply> quickReplies, @Nullable String metadata, @Nullable String quickReplyPayload,
		Instant createdAt) {

	public Message {
		quickReplies = List.copyOf(quickReplies);
	}

	public static String apiId(long id) {
		return "m_" + id;
	}

	/** The message id in {@code m_<id>}; a malformed one names no message. */
	public static long parseApiId(String apiId) {
		long id = apiId.startsWith("m_") ? Ids.parse(apiId.substring(2)) : -1;
		if (id <= 0) {
			throw new NotFoundException("Message", apiId);
		}
		return id;
	}

}
