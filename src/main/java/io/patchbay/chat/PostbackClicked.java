package io.patchbay.chat;

import java.time.Instant;

/**
 * A member clicked a postback button of a bot's message (webhook {@code page}
 * {@code messaging_postbacks}). Published inside the transaction.
 */
public record PostbackClicked(long messageId, long threadId, ThreadKind kind, Participant member, Participant bot,
		String title, String payload, Instant occurredAt) {

}
