package io.patchbay.community.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.patchbay.accounts.MemberDeactivated;
import io.patchbay.community.CommentCreated;
import io.patchbay.community.PostCreated;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of group feeds. After a post or comment commits,
 * every stream of its group gets a small {@code feed} event naming the new object; the
 * page then reloads its feed through the ordinary, permission-checked request, so the
 * stream itself never carries content. A deactivated member's streams end at once.
 */
@Component
class FeedStreams {

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private record Stream(long groupId, long memberId) {
	}

	private final Map<SseEmitter, Stream> streams = new ConcurrentHashMap<>();

	SseEmitter open(long groupId, long memberId) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		this.streams.put(emitter, new Stream(groupId, memberId));
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
		publish(created.groupId(), "{\"type\":\"post\",\"id\":\"" + created.postId() + "\"}");
	}

	@TransactionalEventListener
	void on(CommentCreated created) {
		publish(created.groupId(), "{\"type\":\"comment\",\"id\":\"" + created.commentId() + "\",\"postId\":\""
				+ created.postId() + "\"}");
	}

	@TransactionalEventListener
	void on(MemberDeactivated deactivated) {
		this.streams.forEach((emitter, stream) -> {
			if (stream.memberId() == deactivated.memberId()) {
				this.streams.remove(emitter);
				emitter.complete();
			}
		});
	}

	/**
	 * A comment line every 25 seconds keeps proxies from closing idle streams and finds
	 * the streams whose client has gone.
	 */
	@Scheduled(fixedDelay = 25, timeUnit = TimeUnit.SECONDS)
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

	/**
	 * Sends on a virtual thread, so that a slow client never holds up the request that
	 * wrote the post.
	 */
	private void publish(long groupId, String data) {
		Set<SseEmitter> targets = ConcurrentHashMap.newKeySet();
		this.streams.forEach((emitter, stream) -> {
			if (stream.groupId() == groupId) {
				targets.add(emitter);
			}
		});
		if (targets.isEmpty()) {
			return;
		}
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
