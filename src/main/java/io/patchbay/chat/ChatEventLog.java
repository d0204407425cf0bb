package io.patchbay.chat;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.patchbay.platform.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes what the members' event streams carry into the thread's event log, in the
 * transaction of the change, so that a stream on any node and a client reconnecting with
 * {@code Last-Event-ID} get exactly what committed.
 */
@Component
class ChatEventLog {

	private final ChatEventRepository repository;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Ids ids;

	private final Clock clock;

	ChatEventLog(ChatEventRepository repository, ApplicationEventPublisher events, JsonMapper json, Ids ids,
			Clock clock) {
		this.repository = repository;
		this.events = events;
		this.json = json;
		this.ids = ids;
		this.clock = clock;
	}

	void record(long threadId, ChatEvent.Type type, Map<String, Object> data, Collection<Participant> participants) {
		ChatEvent event = new ChatEvent(this.ids.next(), threadId, type, this.json.writeValueAsString(data),
				this.clock.instant());
		this.repository.insert(event);
		Set<Long> members = participants.stream()
			.filter(Participant::isMember)
			.map(Participant::id)
			.collect(Collectors.toUnmodifiableSet());
		this.events.publishEvent(new ChatEventRecorded(event, members));
	}

}
