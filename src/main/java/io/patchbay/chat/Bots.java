package io.patchbay.chat;

import java.util.List;
import java.util.Optional;

import io.patchbay.accounts.Actor;

import org.springframework.stereotype.Service;

/**
 * The bots members may chat with: enabled, visible, and allowed to message any member
 * (the console's visibility switch means exactly this).
 */
@Service
public class Bots {

	/** A bot as members see it. */
	public record ListedBot(long pageId, long integrationId, String name, String description, boolean hasLogo) {
	}

	private final BotDirectory directory;

	private final BotProfiles profiles;

	Bots(BotDirectory directory, BotProfiles profiles) {
		this.directory = directory;
		this.profiles = profiles;
	}

	public List<ListedBot> listed(Actor.Member member) {
		return this.directory.listed().stream().map(Bots::listed).toList();
	}

	/** A bot in a thread the member sees, listed or not, with its profile. */
	public Optional<ListedBot> find(long pageId) {
		return this.directory.find(pageId).map(Bots::listed);
	}

	public BotProfile profile(long pageId) {
		return this.profiles.of(pageId);
	}

	private static ListedBot listed(BotDirectory.Bot bot) {
		return new ListedBot(bot.pageId(), bot.integrationId(), bot.name(), bot.description(), bot.hasLogo());
	}

}
