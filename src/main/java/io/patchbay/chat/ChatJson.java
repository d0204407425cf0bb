package io.patchbay.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The member API's JSON shapes of chat (chat-and-bots.md), shared by its REST answers and
 * its event stream so that both always agree: a message is {@code {id, threadId,
 * from:{id, name, type}, text, attachment?, quickReplies?, createdAt}} with the bot's
 * template in the Messenger shape, without the payloads that only the bot needs.
 */
public final class ChatJson {

	private ChatJson() {
	}

	public static Map<String, Object> message(Message message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", Message.apiId(message.id()));
		json.put("threadId", ChatThread.apiId(message.threadId()));
		json.put("from", participant(message.from()));
		json.put("text", message.text());
		if (message.attachment() != null) {
			json.put("attachment", Map.of("type", "template", "payload", template(message.attachment())));
		}
		if (!message.quickReplies().isEmpty()) {
			json.put("quickReplies",
					message.quickReplies().stream().map((reply) -> Map.of("title", reply.title())).toList());
		}
		json.put("createdAt", message.createdAt().toString());
		return json;
	}

	public static Map<String, Object> thread(ChatThread thread) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", ChatThread.apiId(thread.id()));
		json.put("kind", thread.kind().name().toLowerCase(java.util.Locale.ROOT));
		json.put("name", thread.name());
		json.put("participants", thread.participants().stream().map(ChatJson::participant).toList());
		json.put("unread", thread.unread());
		json.put("lastActivityAt", thread.lastActivityAt().toString());
		json.put("createdAt", thread.createdAt().toString());
		return json;
	}

	public static Map<String, Object> participant(Participant participant) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", String.valueOf(participant.id()));
		json.put("name", participant.name());
		json.put("type", participant.type().apiName());
		return json;
	}

	static Map<String, Object> typing(long threadId, Participant from, boolean on) {
		return Map.of("threadId", ChatThread.apiId(threadId), "from", participant(from), "on", on);
	}

	static Map<String, Object> read(long threadId, long memberId, long watermark) {
		return Map.of("threadId", ChatThread.apiId(threadId), "memberId", String.valueOf(memberId), "watermark",
				watermark);
	}

	private static Map<String, Object> template(Attachment attachment) {
		Map<String, Object> payload = new LinkedHashMap<>();
		switch (attachment) {
			case Attachment.ButtonTemplate template -> {
				payload.put("template_type", "button");
				payload.put("text", template.text());
				payload.put("buttons", buttons(template.buttons()));
			}
			case Attachment.GenericTemplate template -> {
				payload.put("template_type", "generic");
				payload.put("elements", template.elements().stream().map((element) -> {
					Map<String, Object> card = new LinkedHashMap<>();
					card.put("title", element.title());
					put(card, "subtitle", element.subtitle());
					put(card, "image_url", element.imageUrl());
					card.put("buttons", buttons(element.buttons()));
					return card;
				}).toList());
			}
		}
		return payload;
	}

	private static List<Map<String, Object>> buttons(List<Attachment.Button> buttons) {
		return buttons.stream().map((button) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("type", button.type().name().toLowerCase(java.util.Locale.ROOT));
			json.put("title", button.title());
			put(json, "url", button.url());
			return json;
		}).toList();
	}

	private static void put(Map<String, Object> json, String name, @Nullable Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}

}
