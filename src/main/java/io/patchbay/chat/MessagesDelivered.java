package io.patchbay.chat;

import java.time.Instant;
import java.util.List;

/**
 * A bot's messages reached a member's app (webhook {@code page}
 * {@code message_deliveries}).
 *
 * @param watermark every message of the bot up to this time is delivered
 */
public record MessagesDelivered(long threadId, ThreadKind kind, Participant member, Participant bot,
		List<Long> messageIds, Instant watermark) {

}
