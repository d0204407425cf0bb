package io.patchbay.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * A template a bot sends with a message: buttons under a text, or a row of cards with
 * buttons (the Messenger Platform's button and generic templates).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "template")
@JsonSubTypes({ @JsonSubTypes.Type(value = Attachment.ButtonTemplate.class, name = "button"),
		@JsonSubTypes.Type(value = Attachment.GenericTemplate.class, name = "generic") })
public sealed interface Attachment {

	/** Every button of the template in order, the index a postback names. */
	List<Button> buttons();

	/** Up to three buttons under a text of at most 640 characters. */
	record ButtonTemplate(String text, List<Button> buttons) implements Attachment {

		public ButtonTemplate {
			buttons = List.copyOf(buttons);
		}

	}

	/** One to ten cards, each with a title, optional subtitle and image, and buttons. */
	record GenericTemplate(List<Element> elements) implements Attachment {

		public GenericTemplate {
			elements = List.copyOf(elements);
		}

		/** The cards' buttons one after the other: the first card's, then the next. */
		@Override
		public List<Button> buttons() {
			return this.elements.stream().flatMap((element) -> element.buttons().stream()).toList();
		}

	}

	record Element(String title, @Nullable String subtitle, @Nullable String imageUrl, List<Button> buttons) {

		public Element {
			buttons = List.copyOf(buttons);
		}

	}

	/**
	 * A postback button sends its payload back to the bot; a {@code web_url} button opens
	 * its URL.
	 */
	record Button(Button.Type type, String title, @Nullable String payload, @Nullable String url) {

		public enum Type {

			POSTBACK, WEB_URL

		}

		public static Button postback(String title, String payload) {
			return new Button(Type.POSTBACK, title, payload, null);
		}

		public static Button webUrl(String title, String url) {
			return new Button(Type.WEB_URL, title, null, url);
		}

	}

}
