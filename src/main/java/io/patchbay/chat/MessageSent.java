package io.patchbay.chat;

import java.util.List;

/**
 * A message was written into a thread (webhook {@code page} {@code messages} to the bots
 * in it when a member wrote it; {@code user} {@code message_sends}). Published inside the
 * transaction that stored it.
 *
 * @param participants who is in the thread now
 */
public record MessageSent(Message message, ThreadKind kind, List<Participant> participants) {

}
