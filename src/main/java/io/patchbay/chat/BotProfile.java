package io.patchbay.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A bot's Messenger profile: the payload of its "Get started" button, its greetings per
 * locale (shown in an empty thread with it), and its persistent menu per locale.
 */
public record BotProfile(@Nullable String getStarted, List<Greeting> greetings, List<Menu> persistentMenu) {

	public static final BotProfile NONE = new BotProfile(null, List.of(), List.of());

	public BotProfile {
		greetings = List.copyOf(greetings);
		persistentMenu = List.copyOf(persistentMenu);
	}

	public record Greeting(String locale, String text) {
	}

	/** The menu's entries are postback buttons. */
	public record Menu(String locale, List<Attachment.Button> callToActions) {

		public Menu {
			callToActions = List.copyOf(callToActions);
		}

	}

	/** The greeting for a locale ({@code fr_FR} matches {@code fr}), else the default. */
	public @Nullable String greetingFor(String locale) {
		return pick(this.greetings.stream().map(Greeting::locale).toList(), locale) instanceof Integer index
				? this.greetings.get(index).text() : null;
	}

	public List<Attachment.Button> menuFor(String locale) {
		return pick(this.persistentMenu.stream().map(Menu::locale).toList(), locale) instanceof Integer index
				? this.persistentMenu.get(index).callToActions() : List.of();
	}

	private static @Nullable Integer pick(List<String> locales, String wanted) {
		String language = wanted.split("[_-]")[0];
		for (int pass = 0; pass < 3; pass++) {
			for (int i = 0; i < locales.size(); i++) {
				String locale = locales.get(i);
				boolean match = switch (pass) {
					case 0 -> locale.equalsIgnoreCase(wanted);
					case 1 -> locale.split("[_-]")[0].equalsIgnoreCase(language);
					default -> locale.equalsIgnoreCase("default");
				};
				if (match) {
					return i;
				}
			}
		}
		return null;
	}

}
