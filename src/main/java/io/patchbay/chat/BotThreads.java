package io.patchbay.chat;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member sees of and does with the bot of a one-to-one thread, beyond its
 * messages: the bot's profile (greeting, "Get started", persistent menu), and the
 * postbacks that "Get started" and the menu's entries send. Group chats have neither:
 * several bots may be in one, and the Messenger Platform shows them in one-to-one threads
 * only.
 */
@Service
@Transactional
public class BotThreads {

	/** The title the Messenger Platform gives the "Get started" postback. */
	static final String GET_STARTED_TITLE = "Get Started";

	private final Threads threads;

	private final BotProfiles profiles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BotThreads(Threads threads, BotProfiles profiles, ApplicationEventPublisher events, Clock clock) {
		this.threads = threads;
		this.profiles = profiles;
		this.events = events;
		this.clock = clock;
	}

	/** The profile of the thread's bot; empty when the thread is not one with a bot. */
	@Transactional(readOnly = true)
	public Optional<BotProfile> profile(Actor.Member member, long threadId) {
		return bot(this.threads.find(member, threadId)).map((bot) -> this.profiles.of(bot.id()));
	}

	/** The member clicked "Get started": the bot gets its get-started payload. */
	public void getStarted(Actor.Member member, long threadId) {
		ChatThread thread = this.threads.find(member, threadId);
		Participant bot = botOrRefuse(thread, "Get started");
		String payload = this.profiles.of(bot.id()).getStarted();
		if (payload == null) {
			throw new InvalidInputException("thread", "This bot has no Get started button");
		}
		clicked(member, thread, bot, GET_STARTED_TITLE, payload);
	}

	/**
	 * The member clicked entry {@code index} of the bot's persistent menu in their
	 * language: the bot gets its payload.
	 */
	public void menuPostback(Actor.Member member, long threadId, String locale, int index) {
		ChatThread thread = this.threads.find(member, threadId);
		Participant bot = botOrRefuse(thread, "A persistent menu");
		List<Attachment.Button> menu = this.profiles.of(bot.id()).menuFor(locale);
		if (menu.isEmpty()) {
			throw new InvalidInputException("index", "This bot has no menu");
		}
		if (index < 0 || index >= menu.size()) {
			throw new InvalidInputException("index", "index must be 0 to " + (menu.size() - 1) + " for this menu");
		}
		Attachment.Button entry = menu.get(index);
		clicked(member, thread, bot, entry.title(), entry.payload());
	}

	private void clicked(Actor.Member member, ChatThread thread, Participant bot, String title,
			@Nullable String payload) {
		if (payload == null) {
			throw new InvalidInputException("index", "This entry sends nothing to the bot");
		}
		this.events.publishEvent(new PostbackClicked(null, thread.id(), thread.kind(),
				new Participant(member.id(), ParticipantType.MEMBER, member.name()), bot, title, payload,
				this.clock.instant()));
	}

	private static Participant botOrRefuse(ChatThread thread, String what) {
		return bot(thread)
			.orElseThrow(() -> new InvalidInputException("thread", what + " belongs to one-to-one threads with a bot"));
	}

	private static Optional<Participant> bot(ChatThread thread) {
		return (thread.kind() == ThreadKind.DIRECT) ? thread.bot() : Optional.empty();
	}

}
