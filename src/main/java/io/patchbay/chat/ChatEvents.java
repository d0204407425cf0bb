package io.patchbay.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The event log as the members' streams read it: what a reconnecting member missed, and
 * what other nodes wrote since a node last looked.
 */
@Service
@Transactional(readOnly = true)
public class ChatEvents {

	private final ChatEventRepository repository;

	private final ThreadRepository threads;

	private final Ids ids;

	ChatEvents(ChatEventRepository repository, ThreadRepository threads, Ids ids) {
		this.repository = repository;
		this.threads = threads;
		this.ids = ids;
	}

	/** The member's events after {@code afterId}, in the threads they are in now. */
	public List<ChatEvent> missedBy(Actor.Member member, long afterId, int limit) {
		return this.repository.since(member.id(), afterId, limit);
	}

	/** The events other nodes wrote after {@code afterId}, oldest first. */
	public List<ChatEvent> fromOtherNodes(long afterId, int limit) {
		return this.repository.since(afterId, this.ids.node(), limit);
	}

	/** The members of each thread, in one query. */
	public Map<Long, Set<Long>> membersOf(Collection<Long> threadIds) {
		Map<Long, Set<Long>> members = new HashMap<>();
		for (long threadId : new HashSet<>(threadIds)) {
			members.put(threadId, new HashSet<>());
		}
		this.threads.participantsOf(members.keySet())
			.forEach((threadId, participants) -> participants.stream()
				.filter(Participant::isMember)
				.forEach((participant) -> members.get(threadId).add(participant.id())));
		return members;
	}

}
