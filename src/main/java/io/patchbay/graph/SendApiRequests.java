package io.patchbay.graph;

import java.util.ArrayList;
import java.util.List;

import io.patchbay.chat.Attachment;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.QuickReply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Send API's {@code message} (the Messenger Platform's JSON, in a JSON body or
 * as JSON text in a form field) into what chat sends. Only the shapes of
 * {@code chat-and-bots.md} are known; anything else is error 100 naming the field. The
 * limits themselves are chat's rules.
 */
final class SendApiRequests {

	private SendApiRequests() {
	}

	static MessageContent message(JsonNode message) {
		if (!message.isObject()) {
			throw invalid("message", "must be an object");
		}
		String text = text(message, "text", "message.text");
		String metadata = text(message, "metadata", "message.metadata");
		List<QuickReply> quickReplies = new ArrayList<>();
		JsonNode replies = message.get("quick_replies");
		if (replies != null && !replies.isNull()) {
			if (!replies.isArray()) {
				throw invalid("message.quick_replies", "must be a list");
			}
			for (int i = 0; i < replies.size(); i++) {
				JsonNode reply = replies.get(i);
				String field = "message.quick_replies[" + i + "]";
				String type = text(reply, "content_type", field + ".content_type");
				if (type != null && !type.equals("text")) {
					throw invalid(field + ".content_type", "must be text");
				}
				quickReplies.add(new QuickReply(required(reply, "title", field + ".title"),
						required(reply, "payload", field + ".payload")));
			}
		}
		JsonNode attachment = message.get("attachment");
		return new MessageContent(text, (attachment != null && !attachment.isNull()) ? attachment(attachment) : null,
				quickReplies, metadata);
	}

	private static Attachment attachment(JsonNode attachment) {
		if (!"template".equals(text(attachment, "type", "message.attachment.type"))) {
			throw invalid("message.attachment.type", "only template attachments are supported");
		}
		JsonNode payload = attachment.get("payload");
		if (payload == null || !payload.isObject()) {
			throw invalid("message.attachment.payload", "is required");
		}
		String templateType = text(payload, "template_type", "message.attachment.payload.template_type");
		return switch ((templateType != null) ? templateType : "") {
			case "button" -> new Attachment.ButtonTemplate(required(payload, "text", "message.attachment.payload.text"),
					buttons(payload.get("buttons"), "message.attachment.payload.buttons"));
			case "generic" -> new Attachment.GenericTemplate(elements(payload.get("elements")));
			default -> throw invalid("message.attachment.payload.template_type", "must be button or generic");
		};
	}

	private static List<Attachment.Element> elements(@Nullable JsonNode elements) {
		String field = "message.attachment.payload.elements";
		if (elements == null || !elements.isArray()) {
			throw invalid(field, "must be a list");
		}
		List<Attachment.Element> read = new ArrayList<>();
		for (int i = 0; i < elements.size(); i++) {
			JsonNode element = elements.get(i);
			String at = field + "[" + i + "]";
			JsonNode buttons = element.get("buttons");
			read.add(new Attachment.Element(required(element, "title", at + ".title"),
					text(element, "subtitle", at + ".subtitle"), text(element, "image_url", at + ".image_url"),
					(buttons == null || buttons.isNull()) ? List.of() : buttons(buttons, at + ".buttons")));
		}
		return read;
	}

	static List<Attachment.Button> buttons(@Nullable JsonNode buttons, String field) {
		if (buttons == null || !buttons.isArray()) {
			throw invalid(field, "must be a list");
		}
		List<Attachment.Button> read = new ArrayList<>();
		for (int i = 0; i < buttons.size(); i++) {
			JsonNode button = buttons.get(i);
			String at = field + "[" + i + "]";
			String type = text(button, "type", at + ".type");
			String title = required(button, "title", at + ".title");
			read.add(switch ((type != null) ? type : "") {
				case "postback" -> Attachment.Button.postback(title, required(button, "payload", at + ".payload"));
				case "web_url" -> Attachment.Button.webUrl(title, required(button, "url", at + ".url"));
				default -> throw invalid(at + ".type", "must be postback or web_url");
			});
		}
		return read;
	}

	static String required(JsonNode node, String name, String field) {
		String value = text(node, name, field);
		if (value == null) {
			throw invalid(field, "is required");
		}
		return value;
	}

	static @Nullable String text(JsonNode node, String name, String field) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw invalid(field, "must be a string");
		}
		return value.asString();
	}

	static GraphException invalid(String field, String problem) {
		return GraphException.invalidParameter("(#100) " + field + " " + problem);
	}

}
