package io.patchbay.chat;

import java.time.Instant;
import java.util.List;

/**
 * A member read a thread up to a message (webhook {@code page} {@code message_reads} to
 * its bots).
 *
 * @param watermark every message up to this time is read
 */
public record MessagesRead(long threadId, ThreadKind kind, Participant member, List<Participant> bots,
		Instant watermark) {

}
