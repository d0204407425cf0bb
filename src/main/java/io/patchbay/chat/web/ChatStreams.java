package io.patchbay.chat.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberDeactivated;
import io.patchbay.chat.ChatEvent;
import io.patchbay.chat.ChatEventRecorded;
import io.patchbay.chat.ChatEvents;
import io.patchbay.chat.ChatProperties;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The members' live event streams ({@code GET /api/v1/events}). An event committed on
 * this node goes out at once to the streams of the members concerned; events of other
 * nodes are found in the event log every poll interval. A stream opened with
 * {@code Last-Event-ID} first gets what the member missed. Event ids follow the order of
 * ids, not of commits, so a replay starts a few seconds before the given id and may
 * repeat an event or two: clients drop repeats by id.
 */
@Component
class ChatStreams implements SchedulingConfigurer {

	/** How far behind an event id a replay or a poll looks, for late commits. */
	static final Duration LOOKBACK = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);

	private static final int BATCH = 1000;

	private record Stream(long memberId, long openedAt) {
	}

	private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

	/**
	 * Events this node sent (its own, or found in the log), with when, to send each once.
	 */
	private final Map<Long, Long> sent = new ConcurrentHashMap<>();

	private final AtomicLong opened = new AtomicLong();

	private final AtomicLong polledUpTo;

	private final ChatEvents events;

	private final ChatProperties properties;

	private final Ids ids;

	private final Clock clock;

	ChatStreams(ChatEvents events, ChatProperties properties, Ids ids, Clock clock) {
		this.events = events;
		this.properties = properties;
		this.ids = ids;
		this.clock = clock;
		this.polledUpTo = new AtomicLong(ids.next());
	}

	SseEmitter open(Actor.Member member, @Nullable String lastEventId) {
		closeOldestBeyondLimit(member.id());
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		this.streams.put(emitter, new Stream(member.id(), this.opened.incrementAndGet()));
		emitter.onCompletion(() -> this.streams.remove(emitter));
		emitter.onTimeout(() -> this.streams.remove(emitter));
		emitter.onError((ex) -> this.streams.remove(emitter));
		try {
			emitter.send(SseEmitter.event().comment("ready"));
			long after = parse(lastEventId);
			if (after > 0) {
				Instant typingSince = this.clock.instant().minus(this.properties.typingTimeout());
				for (ChatEvent event : this.events.missedBy(member, after - Ids.span(LOOKBACK), BATCH)) {
					if (event.type() != ChatEvent.Type.TYPING || event.at().isAfter(typingSince)) {
						emitter.send(event(event));
					}
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			this.streams.remove(emitter);
		}
		return emitter;
	}

	/** What this node committed goes out at once. */
	@TransactionalEventListener
	void on(ChatEventRecorded recorded) {
		if (this.streams.isEmpty()) {
			return;
		}
		this.sent.put(recorded.event().id(), System.nanoTime());
		send(recorded.event(), (stream) -> recorded.memberIds().contains(stream.memberId()));
	}

	@TransactionalEventListener
	void on(MemberDeactivated deactivated) {
		end((stream) -> stream.memberId() == deactivated.memberId());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::keepAlive, this.properties.streamKeepAlive());
		registrar.addFixedDelayTask(this::pollOtherNodes, this.properties.pollInterval());
	}

	/**
	 * Sends what other nodes wrote into the log since the last look, to the streams here.
	 */
	void pollOtherNodes() {
		if (this.streams.isEmpty()) {
			// Nobody listens here: the next stream starts from now, not from the past.
			this.polledUpTo.set(this.ids.next());
			this.sent.clear();
			return;
		}
		try {
			List<ChatEvent> found = this.events.fromOtherNodes(this.polledUpTo.get() - Ids.span(LOOKBACK), BATCH)
				.stream()
				.filter((event) -> !this.sent.containsKey(event.id()))
				.toList();
			if (!found.isEmpty()) {
				Map<Long, Set<Long>> members = this.events.membersOf(found.stream().map(ChatEvent::threadId).toList());
				for (ChatEvent event : found) {
					this.sent.put(event.id(), System.nanoTime());
					Set<Long> concerned = members.getOrDefault(event.threadId(), Set.of());
					send(event, (stream) -> concerned.contains(stream.memberId()));
				}
				this.polledUpTo.accumulateAndGet(found.getLast().id(), Math::max);
			}
			long forgetBefore = System.nanoTime() - LOOKBACK.multipliedBy(4).toNanos();
			this.sent.values().removeIf((at) -> at - forgetBefore < 0);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the chat event log for this node's streams: {}", ex.getMessage());
		}
	}

	void keepAlive() {
		this.streams.keySet().forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				this.streams.remove(emitter);
			}
		});
	}

	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.streams.keySet().forEach(SseEmitter::complete);
		this.streams.clear();
	}

	private void send(ChatEvent event, Predicate<Stream> to) {
		List<SseEmitter> targets = this.streams.entrySet()
			.stream()
			.filter((entry) -> to.test(entry.getValue()))
			.map(Map.Entry::getKey)
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		// On a virtual thread: a slow client never holds up the request that wrote.
		Thread.ofVirtual().name("chat-stream").start(() -> {
			for (SseEmitter emitter : targets) {
				try {
					emitter.send(event(event));
				}
				catch (IOException | IllegalStateException ex) {
					this.streams.remove(emitter);
				}
			}
		});
	}

	private static SseEmitter.SseEventBuilder event(ChatEvent event) {
		return SseEmitter.event().id(String.valueOf(event.id())).name(event.type().eventName()).data(event.data());
	}

	private void closeOldestBeyondLimit(long memberId) {
		List<Map.Entry<SseEmitter, Stream>> own = this.streams.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().memberId() == memberId)
			.sorted(Comparator.comparingLong((Map.Entry<SseEmitter, Stream> entry) -> entry.getValue().openedAt()))
			.toList();
		for (int i = 0; i <= own.size() - this.properties.streamsPerMember(); i++) {
			SseEmitter oldest = own.get(i).getKey();
			this.streams.remove(oldest);
			oldest.complete();
		}
	}

	private void end(Predicate<Stream> which) {
		this.streams.forEach((emitter, stream) -> {
			if (which.test(stream)) {
				this.streams.remove(emitter);
				emitter.complete();
			}
		});
	}

	private static long parse(@Nullable String lastEventId) {
		return (lastEventId != null) ? Ids.parse(lastEventId.strip()) : -1;
	}

}
