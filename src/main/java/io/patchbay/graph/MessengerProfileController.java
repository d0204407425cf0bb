package io.patchbay.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.chat.Attachment;
import io.patchbay.chat.BotProfile;
import io.patchbay.chat.BotProfiles;
import io.patchbay.integrations.Permission;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /me/messenger_profile}: the bot's "Get started" payload, greetings and
 * persistent menu, set, read and deleted by the bot itself.
 */
@RestController
class MessengerProfileController {

	private final BotProfiles profiles;

	MessengerProfileController(BotProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/graph/me/messenger_profile")
	Map<String, Object> read(GraphCaller caller) {
		requireBot(caller, false);
		Set<String> wanted = fields(caller, BotProfiles.FIELDS);
		BotProfile profile = this.profiles.of(caller.actor().pageId());
		Map<String, Object> data = new LinkedHashMap<>();
		if (wanted.contains("get_started") && profile.getStarted() != null) {
			data.put("get_started", Map.of("payload", profile.getStarted()));
		}
		if (wanted.contains("greeting") && !profile.greetings().isEmpty()) {
			data.put("greeting",
					profile.greetings()
						.stream()
						.map((greeting) -> Map.of("locale", greeting.locale(), "text", greeting.text()))
						.toList());
		}
		if (wanted.contains("persistent_menu") && !profile.persistentMenu().isEmpty()) {
			data.put("persistent_menu",
					profile.persistentMenu()
						.stream()
						.map((menu) -> Map.of("locale", menu.locale(), "call_to_actions",
								menu.callToActions()
									.stream()
									.map((button) -> Map.of("type", "postback", "title", button.title(), "payload",
											String.valueOf(button.payload())))
									.toList()))
						.toList());
		}
		return Map.of("data", data.isEmpty() ? List.of() : List.of(data));
	}

	@PostMapping("/graph/me/messenger_profile")
	Map<String, Object> update(GraphCaller caller) {
		requireBot(caller, true);
		GraphParameters parameters = caller.parameters();
		JsonNode getStarted = parameters.json("get_started");
		JsonNode greeting = parameters.json("greeting");
		JsonNode menu = parameters.json("persistent_menu");
		if (getStarted == null && greeting == null && menu == null) {
			throw GraphException
				.invalidParameter("(#100) Set at least one of get_started, greeting and persistent_menu");
		}
		this.profiles.update(caller.actor(),
				(getStarted != null) ? SendApiRequests.required(getStarted, "payload", "get_started.payload") : null,
				(greeting != null) ? greetings(greeting) : null, (menu != null) ? menus(menu) : null);
		return Map.of("result", "success");
	}

	@DeleteMapping("/graph/me/messenger_profile")
	Map<String, Object> delete(GraphCaller caller) {
		requireBot(caller, true);
		this.profiles.delete(caller.actor(), fields(caller, Set.of()));
		return Map.of("result", "success");
	}

	/** A profile is a chat bot's: it needs one of the messaging permissions. */
	private static void requireBot(GraphCaller caller, boolean write) {
		if (!caller.integration().holds(Permission.MESSAGE_ANY_MEMBER)
				&& !caller.integration().holds(Permission.GROUP_CHAT_BOT)) {
			throw GraphException.missingPermission(Permission.MESSAGE_ANY_MEMBER, write);
		}
	}

	/** {@code fields} as a JSON list or names separated by commas; absent means all. */
	private static Set<String> fields(GraphCaller caller, Set<String> absent) {
		JsonNode fields = caller.parameters().json("fields");
		if (fields == null) {
			if (absent.isEmpty()) {
				throw GraphException.invalidParameter("(#100) The parameter fields is required");
			}
			return absent;
		}
		Set<String> names = new LinkedHashSet<>();
		if (fields.isArray()) {
			fields.forEach((node) -> names.add(node.asString()));
		}
		else {
			for (String name : fields.asString().split(",")) {
				names.add(name.strip());
			}
		}
		for (String name : names) {
			if (!BotProfiles.FIELDS.contains(name)) {
				throw GraphException.invalidParameter("(#100) Unknown messenger_profile field " + name);
			}
		}
		return names;
	}

	private static List<BotProfile.Greeting> greetings(JsonNode greetings) {
		if (!greetings.isArray()) {
			throw SendApiRequests.invalid("greeting", "must be a list");
		}
		List<BotProfile.Greeting> read = new ArrayList<>();
		for (int i = 0; i < greetings.size(); i++) {
			JsonNode greeting = greetings.get(i);
			read.add(new BotProfile.Greeting(SendApiRequests.required(greeting, "locale", "greeting[" + i + "].locale"),
					SendApiRequests.required(greeting, "text", "greeting[" + i + "].text")));
		}
		return read;
	}

	private static List<BotProfile.Menu> menus(JsonNode menus) {
		if (!menus.isArray()) {
			throw SendApiRequests.invalid("persistent_menu", "must be a list");
		}
		List<BotProfile.Menu> read = new ArrayList<>();
		for (int i = 0; i < menus.size(); i++) {
			JsonNode menu = menus.get(i);
			List<Attachment.Button> actions = SendApiRequests.buttons(menu.get("call_to_actions"),
					"persistent_menu[" + i + "].call_to_actions");
			read.add(new BotProfile.Menu(SendApiRequests.required(menu, "locale", "persistent_menu[" + i + "].locale"),
					actions));
		}
		return read;
	}

}
