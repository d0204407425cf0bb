package io.patchbay.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.patchbay.platform.Ids;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * A thread as one of its participants sees it. The APIs show its id as {@code t_<id>}.
 *
 * @param name a group chat's name; {@code null} for a one-to-one thread
 * @param activityId the id of its newest message (or its own, before any): threads are
 * listed by it, newest activity first
 * @param unread messages from others since the viewer last read the thread
 */
public record ChatThread(long id, ThreadKind kind, @Nullable String name, List<Participant> participants,
		Instant createdAt, long activityId, int unread) {

	public ChatThread {
		participants = List.copyOf(participants);
	}

	public static String apiId(long id) {
		return "t_" + id;
	}

	/** The thread id in {@code t_<id>}; a malformed one names no thread. */
	public static long parseApiId(String apiId) {
		long id = apiId.startsWith("t_") ? Ids.parse(apiId.substring(2)) : -1;
		if (id <= 0) {
			throw new NotFoundException("Thread", apiId);
		}
		return id;
	}

	/** When the newest message came (or the thread was opened). */
	public Instant lastActivityAt() {
		return Ids.timeOf(this.activityId);
	}

	public boolean includes(long participantId) {
		return this.participants.stream().anyMatch((participant) -> participant.id() == participantId);
	}

	/** The bot of a one-to-one thread with a bot. */
	public Optional<Participant> bot() {
		return this.participants.stream().filter(Participant::isBot).findFirst();
	}

}
