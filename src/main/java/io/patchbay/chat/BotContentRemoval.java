package io.patchbay.chat;

import java.util.Map;

import io.patchbay.integrations.IntegrationDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes what a deleted bot left in chat, in the deleting transaction: its messages, its
 * profile, its place in threads, and the threads in which nobody else was.
 */
@Component
class BotContentRemoval {

	private final ThreadRepository threads;

	private final MessageRepository messages;

	private final BotProfiles profiles;

	BotContentRemoval(ThreadRepository threads, MessageRepository messages, BotProfiles profiles) {
		this.threads = threads;
		this.messages = messages;
		this.profiles = profiles;
	}

	@EventListener
	void on(IntegrationDeleted deleted) {
		Map<Long, Integer> threads = this.threads.threadsOf(deleted.pageId());
		this.messages.deleteBySender(deleted.pageId(), ParticipantType.BOT);
		this.threads.removeEverywhere(deleted.pageId());
		threads.forEach((threadId, size) -> {
			if (size <= 1) {
				this.threads.delete(threadId);
			}
		});
		this.profiles.deleteAll(deleted.pageId());
	}

}
