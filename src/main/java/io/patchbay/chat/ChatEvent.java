package io.patchbay.chat;

import java.time.Instant;
import java.util.Locale;

/**
 * One event of a thread as the members' event streams carry it: its id (for
 * {@code Last-Event-ID}), its name and its JSON data.
 */
public record ChatEvent(long id, long threadId, Type type, String data, Instant at) {

	public enum Type {

		MESSAGE, TYPING, READ, THREAD;

		/** The server-sent event's name: {@code message}, {@code typing}... */
		public String eventName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
