package io.patchbay.chat;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bots' Messenger profiles ({@code /me/messenger_profile}): a bot sets, reads and deletes
 * its own; members see the greeting, "Get started" and the menu.
 */
@Service
@Transactional
public class BotProfiles {

	/** The profile's fields, as the Graph API names them. */
	public static final Set<String> FIELDS = Set.of("get_started", "greeting", "persistent_menu");

	private final BotProfileRepository repository;

	private final Clock clock;

	BotProfiles(BotProfileRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public BotProfile of(long pageId) {
		return this.repository.find(pageId).orElse(BotProfile.NONE);
	}

	/** Sets the fields given ({@code null} leaves a field as it is). */
	public BotProfile update(Actor.Page bot, @Nullable String getStarted, @Nullable List<BotProfile.Greeting> greetings,
			@Nullable List<BotProfile.Menu> menu) {
		BotProfile current = of(bot.pageId());
		BotProfile next = new BotProfile((getStarted != null) ? check(getStarted) : current.getStarted(),
				(greetings != null) ? checkGreetings(greetings) : current.greetings(),
				(menu != null) ? checkMenu(menu) : current.persistentMenu());
		save(bot.pageId(), next);
		return next;
	}

	/** Removes the fields named. */
	public BotProfile delete(Actor.Page bot, Set<String> fields) {
		for (String field : fields) {
			if (!FIELDS.contains(field)) {
				throw new InvalidInputException("fields", "Unknown profile field '" + field + "'");
			}
		}
		BotProfile current = of(bot.pageId());
		BotProfile next = new BotProfile(fields.contains("get_started") ? null : current.getStarted(),
				fields.contains("greeting") ? List.of() : current.greetings(),
				fields.contains("persistent_menu") ? List.of() : current.persistentMenu());
		save(bot.pageId(), next);
		return next;
	}

	void deleteAll(long pageId) {
		this.repository.delete(pageId);
	}

	private void save(long pageId, BotProfile profile) {
		this.repository.save(pageId, profile, this.clock.instant());
	}

	private static String check(String payload) {
		if (payload.isEmpty() || payload.length() > ContentRules.MAX_PAYLOAD) {
			throw new InvalidInputException("get_started.payload", "get_started.payload must be 1 to 1000 characters");
		}
		return payload;
	}

	private static List<BotProfile.Greeting> checkGreetings(List<BotProfile.Greeting> greetings) {
		for (int i = 0; i < greetings.size(); i++) {
			BotProfile.Greeting greeting = greetings.get(i);
			if (greeting.text().isBlank() || greeting.text().length() > 160) {
				throw new InvalidInputException("greeting[" + i + "].text", "A greeting is 1 to 160 characters");
			}
			if (!greeting.locale().matches("default|[a-z]{2}([_-][A-Za-z]{2})?")) {
				throw new InvalidInputException("greeting[" + i + "].locale", "locale must be default or like fr_FR");
			}
		}
		return greetings;
	}

	private static List<BotProfile.Menu> checkMenu(List<BotProfile.Menu> menus) {
		for (int i = 0; i < menus.size(); i++) {
			BotProfile.Menu menu = menus.get(i);
			if (menu.callToActions().isEmpty() || menu.callToActions().size() > 20) {
				throw new InvalidInputException("persistent_menu[" + i + "].call_to_actions",
						"A menu has 1 to 20 entries");
			}
			for (int j = 0; j < menu.callToActions().size(); j++) {
				Attachment.Button button = menu.callToActions().get(j);
				String field = "persistent_menu[" + i + "].call_to_actions[" + j + "]";
				if (button.title().isBlank() || button.title().length() > 30) {
					throw new InvalidInputException(field + ".title", "A menu entry's title is 1 to 30 characters");
				}
				if (button.type() != Attachment.Button.Type.POSTBACK || button.payload() == null
						|| button.payload().isEmpty() || button.payload().length() > ContentRules.MAX_PAYLOAD) {
					throw new InvalidInputException(field + ".payload",
							"A menu entry is a postback with a payload of 1 to 1000 characters");
				}
			}
		}
		return menus;
	}

}
