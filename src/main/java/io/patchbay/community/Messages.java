package io.patchbay.community;

import java.net.URI;
import java.net.URISyntaxException;

import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules for what members and integrations write.
 */
final class Messages {

	static final int MAX_LENGTH = 20_000;

	private Messages() {
	}

	static String check(@Nullable String message) {
		String stripped = (message != null) ? message.strip() : "";
		if (stripped.isEmpty() || stripped.length() > MAX_LENGTH) {
			throw new InvalidInputException("message", "message must be 1 to 20,000 characters");
		}
		return stripped;
	}

	static @Nullable String checkLink(@Nullable String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(link.strip());
			if (link.length() > 2000 || uri.getHost() == null
					|| !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				throw new InvalidInputException("link", "link must be an http or https URL");
			}
			return uri.toString();
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("link", "link must be an http or https URL");
		}
	}

}
