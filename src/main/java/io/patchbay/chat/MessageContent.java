package io.patchbay.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a member, a bot or a workflow asks to send: a text, and for a bot a template and
 * quick replies, checked by the rules of {@code chat-and-bots.md} before anything is
 * stored.
 *
 * @param metadata a bot's own note on the message, returned to it and never shown
 */
public record MessageContent(@Nullable String text, @Nullable Attachment attachment, List<QuickReply> quickReplies,
		@Nullable String metadata) {

	public MessageContent {
		quickReplies = List.copyOf(quickReplies);
	}

	public static MessageContent text(String text) {
		return new MessageContent(text, null, List.of(), null);
	}

}
