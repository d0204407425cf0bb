package io.patchbay.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The limits of what is sent in a chat (the Messenger Platform's): a text of 1 to 2,000
 * characters; for bots, up to 13 quick replies (title up to 20 characters, payload up to
 * 1,000), a button template (text up to 640, 1 to 3 buttons) or a generic template (1 to
 * 10 cards: title and subtitle up to 80, an http(s) image, up to 3 buttons); a button's
 * title up to 20, a postback's payload up to 1,000, a {@code web_url} an absolute http(s)
 * URL. Errors name the field as the Send API's JSON does.
 */
final class ContentRules {

	static final int MAX_TEXT = 2000;

	static final int MAX_QUICK_REPLIES = 13;

	static final int MAX_BUTTON_TITLE = 20;

	static final int MAX_PAYLOAD = 1000;

	private ContentRules() {
	}

	/** A member's message: text only. */
	static MessageContent member(MessageContent content) {
		if (content.attachment() != null || !content.quickReplies().isEmpty()) {
			throw new InvalidInputException("text", "Members send text only");
		}
		String text = text(content.text(), "text");
		if (text == null) {
			throw new InvalidInputException("text", "text must be 1 to 2,000 characters");
		}
		return MessageContent.text(text);
	}

	/** A bot's or a workflow's message: a text or a template, and quick replies. */
	static MessageContent bot(MessageContent content) {
		String text = text(content.text(), "message.text");
		if (text == null && content.attachment() == null) {
			throw new InvalidInputException("message", "A message needs a text or an attachment");
		}
		if (content.quickReplies().size() > MAX_QUICK_REPLIES) {
			throw new InvalidInputException("message.quick_replies", "At most 13 quick replies");
		}
		for (int i = 0; i < content.quickReplies().size(); i++) {
			QuickReply reply = content.quickReplies().get(i);
			String field = "message.quick_replies[" + i + "]";
			length(reply.title(), 1, MAX_BUTTON_TITLE, field + ".title");
			length(reply.payload(), 1, MAX_PAYLOAD, field + ".payload");
		}
		if (content.attachment() != null) {
			attachment(content.attachment());
		}
		if (content.metadata() != null) {
			length(content.metadata(), 0, MAX_PAYLOAD, "message.metadata");
		}
		return new MessageContent(text, content.attachment(), content.quickReplies(), content.metadata());
	}

	private static void attachment(Attachment attachment) {
		String payload = "message.attachment.payload";
		switch (attachment) {
			case Attachment.ButtonTemplate template -> {
				length(template.text(), 1, 640, payload + ".text");
				if (template.buttons().isEmpty() || template.buttons().size() > 3) {
					throw new InvalidInputException(payload + ".buttons", "A button template has 1 to 3 buttons");
				}
				buttons(template.buttons(), payload + ".buttons");
			}
			case Attachment.GenericTemplate template -> {
				if (template.elements().isEmpty() || template.elements().size() > 10) {
					throw new InvalidInputException(payload + ".elements", "A generic template has 1 to 10 elements");
				}
				for (int i = 0; i < template.elements().size(); i++) {
					Attachment.Element element = template.elements().get(i);
					String field = payload + ".elements[" + i + "]";
					length(element.title(), 1, 80, field + ".title");
					if (element.subtitle() != null) {
						length(element.subtitle(), 0, 80, field + ".subtitle");
					}
					if (element.imageUrl() != null) {
						url(element.imageUrl(), field + ".image_url");
					}
					if (element.buttons().size() > 3) {
						throw new InvalidInputException(field + ".buttons", "An element has at most 3 buttons");
					}
					buttons(element.buttons(), field + ".buttons");
				}
			}
		}
	}

	private static void buttons(List<Attachment.Button> buttons, String field) {
		for (int i = 0; i < buttons.size(); i++) {
			Attachment.Button button = buttons.get(i);
			String at = field + "[" + i + "]";
			length(button.title(), 1, MAX_BUTTON_TITLE, at + ".title");
			switch (button.type()) {
				case POSTBACK -> length(button.payload(), 1, MAX_PAYLOAD, at + ".payload");
				case WEB_URL -> url(button.url(), at + ".url");
			}
		}
	}

	private static @Nullable String text(@Nullable String text, String field) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return null;
		}
		if (stripped.length() > MAX_TEXT) {
			throw new InvalidInputException(field, field + " must be at most 2,000 characters");
		}
		return stripped;
	}

	private static void length(@Nullable String value, int min, int max, String field) {
		int length = (value != null) ? value.length() : 0;
		if (length < min || length > max) {
			throw new InvalidInputException(field, field + " must be " + min + " to " + max + " characters");
		}
	}

	private static void url(@Nullable String value, String field) {
		try {
			URI uri = new URI((value != null) ? value : "");
			String scheme = uri.getScheme();
			if (value.length() > 2000 || uri.getHost() == null
					|| !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
				throw new InvalidInputException(field, field + " must be an absolute http or https URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException(field, field + " must be an absolute http or https URL");
		}
	}

}
