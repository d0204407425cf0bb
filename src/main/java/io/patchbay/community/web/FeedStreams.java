package io.patchbay.community.web;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.patchbay.accounts.MemberDeactivated;
import io.patchbay.community.CommentCreated;
import io.patchbay.community.CommunityProperties;
import io.patchbay.community.GroupMembershipChanged;
import io.patchbay.community.LikeChanged;
import io.patchbay.community.PostCreated;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of group feeds. After a post or comment commits,
 * every stream of its group gets a small {@code feed} event naming the new object; the
 * page then reloads its feed through the ordinary, permission-checked request, so the
 * stream itself never carries content. A member holds a limited number of streams (their
 * oldest closes when they open one more); a deactivated member's streams end at once, and
 * so do a member's streams of a group they were removed from.
 */
@Component
class FeedStreams implements SchedulingConfigurer {

	private record Stream(long groupId, long memberId, long openedAt) {
	}

	private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

	private final AtomicLong opened = new AtomicLong();

	private final CommunityProperties properties;

	private final JsonMapper json;

	FeedStreams(CommunityProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	SseEmitter open(long groupId, long memberId) {
		closeOldestBeyondLimit(memberId);
		SseEmitter emitter = new SseEmitter(this.properties.streamTimeout().toMillis());
		this.streams.put(emitter, new Stream(groupId, memberId, this.opened.incrementAndGet()));
		emitter.onCompletion(() -> this.streams.remove(emitter));
		emitter.onTimeout(() -> this.streams.remove(emitter));
		emitter.onError((ex) -> this.streams.remove(emitter));
		try {
			// Tells the client (and proxies) that the stream is open before anything
			// happens.
			emitter.send(SseEmitter.event().name("ready").data("{}"));
		}
		catch (IOException ex) {
			this.streams.remove(emitter);
		}
		return emitter;
	}

	@TransactionalEventListener
	void on(PostCreated created) {
		publish(created.groupId(), Map.of("type", "post", "id", String.valueOf(created.postId())));
	}

	@TransactionalEventListener
	void on(CommentCreated created) {
		publish(created.groupId(), Map.of("type", "comment", "id", String.valueOf(created.commentId()), "postId",
				String.valueOf(created.postId())));
	}

	@TransactionalEventListener
	void on(LikeChanged changed) {
		publish(changed.groupId(), Map.of("type", "like", "id", String.valueOf(changed.objectId()), "postId",
				String.valueOf(changed.postId())));
	}

	@TransactionalEventListener
	void on(MemberDeactivated deactivated) {
		end((stream) -> stream.memberId() == deactivated.memberId());
	}

	/** A member removed from a group no longer follows its feed. */
	@TransactionalEventListener
	void on(GroupMembershipChanged change) {
		if (!change.added()) {
			end((stream) -> stream.memberId() == change.memberId() && stream.groupId() == change.groupId());
		}
	}

	/**
	 * A comment line at every keep-alive interval keeps proxies from closing idle streams
	 * and finds the streams whose client has gone.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::keepAlive, this.properties.streamKeepAlive());
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

	/**
	 * Ends every stream when the application stops: otherwise graceful shutdown waits for
	 * them until its timeout. Context-closed comes before the web server's shutdown.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.streams.keySet().forEach(SseEmitter::complete);
		this.streams.clear();
	}

	int openStreams(long memberId) {
		return (int) this.streams.values().stream().filter((stream) -> stream.memberId() == memberId).count();
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

	private void end(java.util.function.Predicate<Stream> which) {
		this.streams.forEach((emitter, stream) -> {
			if (which.test(stream)) {
				this.streams.remove(emitter);
				emitter.complete();
			}
		});
	}

	/**
	 * Sends on a virtual thread, so that a slow client never holds up the request that
	 * wrote the post.
	 */
	private void publish(long groupId, Map<String, String> event) {
		List<SseEmitter> targets = this.streams.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().groupId() == groupId)
			.map(Map.Entry::getKey)
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		String data = this.json.writeValueAsString(event);
		Thread.ofVirtual().name("feed-stream-" + groupId).start(() -> {
			for (SseEmitter emitter : targets) {
				try {
					emitter.send(SseEmitter.event().name("feed").data(data));
				}
				catch (IOException | IllegalStateException ex) {
					this.streams.remove(emitter);
				}
			}
		});
	}

}
