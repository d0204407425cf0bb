package io.patchbay.chat.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.chat.Bots;
import org.jspecify.annotations.Nullable;

/**
 * The member API's list shape and its bot entries.
 */
final class ChatViews {

	private ChatViews() {
	}

	static Map<String, Object> list(List<?> data, @Nullable Long nextCursor) {
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("data", data);
		if (nextCursor != null) {
			list.put("nextCursor", String.valueOf(nextCursor));
		}
		return list;
	}

	/** {@code {id (the bot's page id), name, description, logoUrl}}. */
	static Map<String, Object> bot(Bots.ListedBot bot) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", String.valueOf(bot.pageId()));
		json.put("name", bot.name());
		json.put("description", bot.description());
		json.put("logoUrl", bot.hasLogo() ? "/api/v1/integrations/" + bot.integrationId() + "/logo" : null);
		return json;
	}

}
