package io.patchbay.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.MessageSent;
import io.patchbay.chat.MessagesDelivered;
import io.patchbay.chat.MessagesRead;
import io.patchbay.chat.Participant;
import io.patchbay.chat.PostbackClicked;
import io.patchbay.chat.ThreadKind;
import io.patchbay.community.Communities;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns chat's events into outbox entries, inside the transaction that stored them: the
 * messaging shape of {@code page} ({@code messages}, {@code messaging_postbacks},
 * {@code message_deliveries}, {@code message_reads}) for the bots in the thread, and
 * {@code user} {@code message_sends} for the integrations that read all messages.
 */
@Component
class ChatOutbox {

	private final Subscribers subscribers;

	private final Deliveries deliveries;

	private final Communities communities;

	ChatOutbox(Subscribers subscribers, Deliveries deliveries, Communities communities) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.communities = communities;
	}

	@EventListener
	void on(MessageSent sent) {
		Message message = sent.message();
		if (!message.from().isMember()) {
			return;
		}
		for (Participant bot : sent.participants()) {
			if (bot.isBot()) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("mid", Message.apiId(message.id()));
				body.put("text", message.text());
				if (message.quickReplyPayload() != null) {
					body.put("quick_reply", Map.of("payload", message.quickReplyPayload()));
				}
				messaging(bot, "messages", message.from(), message.threadId(), sent.kind(), message.createdAt(),
						"message", body);
			}
		}
		List<Subscriber> compliance = this.subscribers.of(Topic.USER, "message_sends");
		if (!compliance.isEmpty()) {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("message_id", Message.apiId(message.id()));
			value.put("thread_id", ChatThread.apiId(message.threadId()));
			value.put("from", Map.of("id", String.valueOf(message.from().id()), "name", message.from().name()));
			value.put("message", message.text());
			value.put("created_time", ChangeEntries.time(message.createdAt()));
			Map<String, Object> entry = ChangeEntries.entry(message.from().id(), message.createdAt(), "message_sends",
					value);
			this.deliveries.enqueue(compliance, "message_sends", null, entry);
		}
	}

	@EventListener
	void on(PostbackClicked clicked) {
		Map<String, Object> postback = new LinkedHashMap<>();
		if (clicked.messageId() != null) {
			// "Get started" and the persistent menu belong to no message.
			postback.put("mid", Message.apiId(clicked.messageId()));
		}
		postback.put("title", clicked.title());
		postback.put("payload", clicked.payload());
		messaging(clicked.bot(), "messaging_postbacks", clicked.member(), clicked.threadId(), clicked.kind(),
				clicked.occurredAt(), "postback", postback);
	}

	@EventListener
	void on(MessagesDelivered delivered) {
		messaging(delivered.bot(), "message_deliveries", delivered.member(), delivered.threadId(), delivered.kind(),
				delivered.watermark(), "delivery",
				Map.of("mids", delivered.messageIds().stream().map(Message::apiId).toList(), "watermark",
						delivered.watermark().toEpochMilli()));
	}

	@EventListener
	void on(MessagesRead read) {
		for (Participant bot : read.bots()) {
			messaging(bot, "message_reads", read.member(), read.threadId(), read.kind(), read.watermark(), "read",
					Map.of("watermark", read.watermark().toEpochMilli()));
		}
	}

	/**
	 * One messaging entry for the bot's {@code page} subscription: {@code {id: pageId,
	 * time, messaging: [{sender, recipient, timestamp, thread?, <kind>}]}}.
	 */
	private void messaging(Participant bot, String field, Participant member, long threadId, ThreadKind kind,
			Instant at, String name, Map<String, Object> body) {
		List<Subscriber> targets = this.subscribers.of(Topic.PAGE, field)
			.stream()
			.filter((subscriber) -> subscriber.integration().pageId() == bot.id())
			.toList();
		if (targets.isEmpty()) {
			return;
		}
		Map<String, Object> event = new LinkedHashMap<>();
		Map<String, Object> sender = new LinkedHashMap<>();
		sender.put("id", String.valueOf(member.id()));
		sender.put("community", Map.of("id", String.valueOf(this.communities.current().id())));
		event.put("sender", sender);
		event.put("recipient", Map.of("id", String.valueOf(bot.id())));
		event.put("timestamp", at.toEpochMilli());
		if (kind == ThreadKind.GROUP) {
			event.put("thread", Map.of("id", ChatThread.apiId(threadId)));
		}
		event.put(name, body);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", String.valueOf(bot.id()));
		entry.put("time", at.toEpochMilli());
		entry.put("messaging", List.of(event));
		this.deliveries.enqueue(targets, field, null, entry);
	}

}
