package io.patchbay.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member clicked a postback button of a bot's message, the bot's "Get started" button
 * or an entry of its persistent menu (webhook {@code page} {@code messaging_postbacks}).
 * Published inside the transaction.
 *
 * @param messageId the message whose button was clicked; {@code null} for "Get started"
 * and the menu, which belong to no message
 */
public record PostbackClicked(@Nullable Long messageId, long threadId, ThreadKind kind, Participant member,
		Participant bot, String title, String payload, Instant occurredAt) {

}
