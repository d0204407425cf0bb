package io.patchbay.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chat threads: opening one-to-one threads and group chats, their participants and names,
 * and what a participant has read. Every read and write takes the caller;
 * {@link ChatRules} decides.
 */
@Service
@Transactional
public class Threads {

	static final int MAX_PARTICIPANTS = 250;

	/** A thread just opened, or the one-to-one thread that existed already. */
	public record Opened(ChatThread thread, boolean created) {
	}

	private final ThreadRepository repository;

	private final MessageRepository messages;

	private final BotDirectory bots;

	private final Members members;

	private final ChatEventLog log;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Threads(ThreadRepository repository, MessageRepository messages, BotDirectory bots, Members members,
			ChatEventLog log, ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.messages = messages;
		this.bots = bots;
		this.members = members;
		this.log = log;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Opens a thread with the others named (members by id, bots by page id): one other is
	 * a one-to-one thread, found again when it exists; more, or a name, make a group
	 * chat. A bot opening a group chat is in it.
	 */
	public Opened open(Actor actor, Collection<Long> others, @Nullable String name) {
		boolean named = name != null && !name.isBlank();
		return open(actor, others, name,
				(new LinkedHashSet<>(others).size() == 1 && !named) ? ThreadKind.DIRECT : ThreadKind.GROUP);
	}

	/** Opens a new group chat with the others named, even with a single one. */
	public Opened openGroup(Actor actor, Collection<Long> others, @Nullable String name) {
		return open(actor, others, name, ThreadKind.GROUP);
	}

	private Opened open(Actor actor, Collection<Long> others, @Nullable String name, ThreadKind kind) {
		Participant self = self(actor);
		Set<Long> wanted = new LinkedHashSet<>(others);
		wanted.remove(self.id());
		String groupName = (name != null && !name.isBlank()) ? name.strip() : null;
		ChatRules.open(actor, kind);
		if (wanted.isEmpty()) {
			throw new InvalidInputException("participantIds", "Name at least one other participant");
		}
		if (wanted.size() + 1 > MAX_PARTICIPANTS) {
			throw new InvalidInputException("participantIds", "A group chat has at most 250 participants");
		}
		if (kind == ThreadKind.GROUP && groupName == null && actor instanceof Actor.Member && wanted.size() > 1) {
			// Members name the group chats they open; a bot's may stay unnamed.
			throw new InvalidInputException("name", "A group chat needs a name");
		}
		if (groupName != null && groupName.length() > 200) {
			throw new InvalidInputException("name", "name must be at most 200 characters");
		}
		List<Participant> participants = new ArrayList<>(List.of(self));
		participants.addAll(reachable(actor, wanted));
		Instant now = this.clock.instant();
		String directKey = (kind == ThreadKind.DIRECT) ? directKey(self.id(), wanted.iterator().next()) : null;
		if (directKey != null) {
			var existing = this.repository.findDirect(directKey);
			if (existing.isPresent()) {
				return new Opened(seenBy(actor, existing.get()), false);
			}
		}
		long id = this.ids.next();
		if (!this.repository.insert(id, kind, groupName, directKey, now)) {
			// Two requests opened the same one-to-one thread at once: theirs stands.
			return new Opened(seenBy(actor, this.repository.findDirect(directKey).orElseThrow()), false);
		}
		participants.forEach((participant) -> this.repository.addParticipant(id, participant, now, 0));
		ChatThread thread = seenBy(actor, id);
		changed(thread, participants);
		return new Opened(thread, true);
	}

	/** The thread, if the caller may read it. */
	@Transactional(readOnly = true)
	public ChatThread find(Actor actor, long threadId) {
		return ChatRules.read(actor, seenBy(actor, threadId));
	}

	/**
	 * The thread if the caller may read it, else empty: for a caller inside a transaction
	 * of its own, which a refusal thrown through this service would mark rollback-only.
	 */
	@Transactional(readOnly = true)
	public Optional<ChatThread> findReadable(Actor actor, long threadId) {
		try {
			return Optional.of(find(actor, threadId));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/** The member's threads, newest activity first, with their unread counts. */
	@Transactional(readOnly = true)
	public KeysetPage<ChatThread> of(Actor.Member member, PageRequest page) {
		List<ChatThread> rows = this.repository.listFor(member.id(), page);
		return KeysetPage.of(rows, page, ChatThread::activityId);
	}

	/** How many messages from others the member has not read, in all their threads. */
	@Transactional(readOnly = true)
	public int unreadTotal(Actor.Member member) {
		return this.repository.unreadTotal(member.id());
	}

	/** A member's threads for a compliance integration ({@code read_all_messages}). */
	@Transactional(readOnly = true)
	public KeysetPage<ChatThread> conversationsOf(Actor actor, long memberId, PageRequest page) {
		ChatRules.conversations(actor);
		return KeysetPage.of(this.repository.listFor(memberId, page), page, ChatThread::activityId);
	}

	public ChatThread addParticipants(Actor actor, long threadId, Collection<Long> ids) {
		ChatThread thread = find(actor, threadId);
		ChatRules.manage(actor, thread);
		Set<Long> wanted = new LinkedHashSet<>(ids);
		thread.participants().forEach((participant) -> wanted.remove(participant.id()));
		if (thread.participants().size() + wanted.size() > MAX_PARTICIPANTS) {
			throw new InvalidInputException("to", "A group chat has at most 250 participants");
		}
		List<Participant> joined = reachable(actor, wanted);
		Instant now = this.clock.instant();
		// Those who join read from now on: what was said before counts as read.
		long readUpTo = this.messages.newest(threadId).orElse(0L);
		joined.forEach((participant) -> this.repository.addParticipant(threadId, participant, now, readUpTo));
		ChatThread updated = seenBy(actor, threadId);
		if (!joined.isEmpty()) {
			changed(updated, joined);
		}
		return updated;
	}

	public ChatThread removeParticipant(Actor actor, long threadId, long participantId) {
		ChatThread thread = find(actor, threadId);
		ChatRules.manage(actor, thread);
		if (!thread.includes(participantId)) {
			throw new InvalidInputException("to", "No participant of the thread has the id " + participantId);
		}
		this.repository.removeParticipant(threadId, participantId);
		ChatThread updated = seenBy(actor, threadId);
		// The one who left learns it too, then their stream stops carrying the thread.
		changed(updated, List.of(), thread.participants());
		return updated;
	}

	public ChatThread rename(Actor actor, long threadId, String name) {
		ChatThread thread = find(actor, threadId);
		ChatRules.manage(actor, thread);
		String stripped = name.strip();
		if (stripped.isEmpty() || stripped.length() > 200) {
			throw new InvalidInputException("name", "name must be 1 to 200 characters");
		}
		this.repository.rename(threadId, stripped);
		ChatThread updated = seenBy(actor, threadId);
		changed(updated, List.of());
		return updated;
	}

	/** The member has read the thread up to its newest message. */
	public void markRead(Actor.Member member, long threadId) {
		ChatThread thread = find(member, threadId);
		long newest = this.messages.newest(threadId).orElse(0L);
		ThreadRepository.Place place = this.repository.place(threadId, member.id()).orElseThrow();
		if (newest <= place.readUpTo()) {
			return;
		}
		Participant reader = new Participant(member.id(), ParticipantType.MEMBER, member.name());
		deliver(thread, reader, place.deliveredUpTo(), newest);
		this.repository.read(threadId, member.id(), newest);
		long watermark = Ids.timeOf(newest).toEpochMilli();
		this.log.record(threadId, ChatEvent.Type.READ, ChatJson.read(threadId, member.id(), watermark),
				thread.participants());
		List<Participant> bots = thread.participants().stream().filter(Participant::isBot).toList();
		if (!bots.isEmpty()) {
			this.events.publishEvent(new MessagesRead(threadId, thread.kind(), reader, bots, Ids.timeOf(newest)));
		}
	}

	/**
	 * The member's app received the thread's messages up to {@code upTo}: each bot in the
	 * thread learns which of its messages arrived.
	 */
	void delivered(ChatThread thread, Participant member, long upTo) {
		ThreadRepository.Place place = this.repository.place(thread.id(), member.id()).orElse(null);
		if (place != null && upTo > place.deliveredUpTo()) {
			deliver(thread, member, place.deliveredUpTo(), upTo);
			this.repository.delivered(thread.id(), member.id(), upTo);
		}
	}

	private void deliver(ChatThread thread, Participant member, long after, long upTo) {
		for (Participant bot : thread.participants().stream().filter(Participant::isBot).toList()) {
			List<Long> mids = this.messages.idsFrom(thread.id(), bot.id(), after, upTo);
			if (!mids.isEmpty()) {
				this.events.publishEvent(new MessagesDelivered(thread.id(), thread.kind(), member, bot, mids,
						Ids.timeOf(mids.getLast())));
			}
		}
	}

	/** The thread to write in: its participants, without counting what anyone read. */
	ChatThread forWriting(long threadId) {
		return this.repository.find(threadId).orElseThrow(() -> ChatRules.notFound(threadId));
	}

	/**
	 * The thread as the caller sees it: a member with their unread count; bots and
	 * workflows read no marks, so counting theirs would only scan the whole thread.
	 */
	private ChatThread seenBy(Actor actor, long threadId) {
		return ((actor instanceof Actor.Member member) ? this.repository.find(threadId, member.id())
				: this.repository.find(threadId))
			.orElseThrow(() -> ChatRules.notFound(threadId));
	}

	private void changed(ChatThread thread, List<Participant> joined) {
		changed(thread, joined, thread.participants());
	}

	private void changed(ChatThread thread, List<Participant> joined, List<Participant> told) {
		this.log.record(thread.id(), ChatEvent.Type.THREAD, ChatJson.thread(thread), told);
		this.events.publishEvent(new ThreadChanged(thread, joined));
	}

	/**
	 * The participants named, each an active member or a bot the caller may reach:
	 * members reach the listed bots, bots and workflows reach members only.
	 */
	private List<Participant> reachable(Actor actor, Set<Long> ids) {
		Map<Long, Participant> found = new LinkedHashMap<>();
		for (MemberProfile member : this.members.findAll(ids)) {
			if (!member.active()) {
				throw new InvalidInputException("participantIds", "Member " + member.id() + " is deactivated");
			}
			found.put(member.id(), new Participant(member.id(), ParticipantType.MEMBER, member.name()));
		}
		for (long id : ids) {
			if (!found.containsKey(id) && actor instanceof Actor.Member) {
				this.bots.find(id)
					.filter(BotDirectory.Bot::listed)
					.ifPresent((bot) -> found.put(id, bot.participant()));
			}
		}
		for (long id : ids) {
			if (!found.containsKey(id)) {
				throw new InvalidInputException("participantIds", "No member or bot you can reach has the id " + id);
			}
		}
		return List.copyOf(found.values());
	}

	private static Participant self(Actor actor) {
		return switch (actor) {
			case Actor.Member member -> new Participant(member.id(), ParticipantType.MEMBER, member.name());
			case Actor.Page page -> new Participant(page.pageId(), ParticipantType.BOT, page.name());
			case Actor.Workflow workflow -> new Participant(workflow.id(), ParticipantType.WORKFLOW, workflow.name());
			case Actor.Administrator administrator ->
				throw new io.patchbay.platform.AccessRefusedException("Administrators do not chat as such");
		};
	}

	private static String directKey(long one, long other) {
		return Math.min(one, other) + ":" + Math.max(one, other);
	}

}
