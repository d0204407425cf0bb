package io.patchbay.workflows;

import java.util.Locale;

import io.patchbay.platform.InvalidInputException;

/**
 * A variable a webhook trigger declares: what the sender must POST under {@code key}.
 */
public record Variable(String key, Type type) {

	/** How a variable's value is read: as text, as a member, as a channel. */
	public enum Type {

		/** Inserted as it came, as literal text. */
		TEXT,
		/** A member's id or email, resolved to the member and shown as a mention. */
		MEMBER,
		/** A group chat thread's id ({@code t_…}). */
		CHANNEL;

		public String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Type of(String field, String apiName) {
			for (Type type : values()) {
				if (type.apiName().equals(apiName)) {
					return type;
				}
			}
			throw new InvalidInputException(field, field + " must be text, member or channel");
		}

	}

}
