package io.patchbay.chat.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.chat.BotProfile;
import io.patchbay.chat.Bots;
import org.jspecify.annotations.Nullable;

/**
 * The member API's list shape, its bot entries and bot profiles.
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
		json.put("logoUrl", logoUrl(bot));
		return json;
	}

	/** Where the bot's logo is served, if it has one. */
	static @Nullable String logoUrl(Bots.ListedBot bot) {
		return bot.hasLogo() ? "/api/v1/integrations/" + bot.integrationId() + "/logo" : null;
	}

	/**
	 * {@code {greeting, getStarted, persistentMenu:[{title}]}} for a locale; a thread
	 * without a bot has none of them.
	 */
	static Map<String, Object> profile(@Nullable BotProfile profile, String locale) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("greeting", (profile != null) ? profile.greetingFor(locale) : null);
		json.put("getStarted", profile != null && profile.getStarted() != null);
		json.put("persistentMenu", (profile != null)
				? profile.menuFor(locale).stream().map((entry) -> Map.of("title", entry.title())).toList() : List.of());
		return json;
	}

}
