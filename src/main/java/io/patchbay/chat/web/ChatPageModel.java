package io.patchbay.chat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.Attachment;
import io.patchbay.chat.BotProfile;
import io.patchbay.chat.BotThreads;
import io.patchbay.chat.Bots;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Message;
import io.patchbay.chat.Messages;
import io.patchbay.chat.Participant;
import io.patchbay.chat.ThreadKind;
import io.patchbay.chat.Threads;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Assembles what the member app's chat pages show: threads with their titles, logos and
 * unread counts, and a thread's messages with their buttons (each with the index its
 * postback names), cards and quick replies, in a fixed number of queries (bots come from
 * the chat module's cache).
 */
@Component
class ChatPageModel {

	static final int MESSAGES_PER_PAGE = 50;

	static final int THREADS_PER_PAGE = 50;

	/** A thread as the list and the thread's header show it. */
	record ThreadEntry(ChatThread thread, String id, String title, @Nullable String logoUrl, boolean withBot) {

		public boolean group() {
			return this.thread.kind() == ThreadKind.GROUP;
		}

		/** What stands in for a logo: the title's first letter. */
		public String initial() {
			return initialOf(this.title);
		}

	}

	/**
	 * @param quickReplies whether its quick replies show: those of the thread's newest
	 * message only
	 */
	record MessageEntry(Message message, String id, boolean mine, @Nullable String logoUrl, List<Choice> buttons,
			List<Card> cards, boolean quickReplies) {

		public String sender() {
			return this.message.from().type().apiName();
		}

		public String threadId() {
			return ChatThread.apiId(this.message.threadId());
		}

		/** The text above a button template's buttons. */
		public @Nullable String templateText() {
			return (this.message.attachment() instanceof Attachment.ButtonTemplate template) ? template.text() : null;
		}

		public String initial() {
			return initialOf(this.message.from().name());
		}

	}

	/** A button with its index among the message's buttons, as a postback names it. */
	record Choice(int index, Attachment.Button button) {

		public boolean postback() {
			return this.button.type() == Attachment.Button.Type.POSTBACK;
		}

	}

	record Card(Attachment.Element element, List<Choice> buttons) {
	}

	/**
	 * @param older the cursor of the page before, if any
	 * @param latest whether the page ends with the thread's newest message (live messages
	 * are added to it)
	 * @param greeting the bot's greeting, shown in an empty thread with it
	 */
	record Conversation(ThreadEntry thread, List<MessageEntry> messages, @Nullable String older, boolean latest,
			@Nullable String greeting, boolean getStarted, List<Attachment.Button> menu) {
	}

	private final Threads threads;

	private final Messages messages;

	private final Bots bots;

	private final BotThreads botThreads;

	ChatPageModel(Threads threads, Messages messages, Bots bots, BotThreads botThreads) {
		this.threads = threads;
		this.messages = messages;
		this.bots = bots;
		this.botThreads = botThreads;
	}

	KeysetPage<ThreadEntry> threads(Actor.Member member, @Nullable Long after) {
		KeysetPage<ChatThread> page = this.threads.of(member, PageRequest.after(after, THREADS_PER_PAGE));
		return page.map((thread) -> entry(member, thread));
	}

	/** The member's most recently active threads, for the side navigation. */
	List<ThreadEntry> recent(Actor.Member member, int limit) {
		return this.threads.of(member, PageRequest.after(null, limit))
			.items()
			.stream()
			.map((thread) -> entry(member, thread))
			.toList();
	}

	/**
	 * The thread with its newest messages, or the page before {@code before}: reading
	 * them tells the bots they were delivered.
	 */
	Conversation conversation(Actor.Member member, long threadId, @Nullable Long before, Locale locale) {
		ThreadEntry thread = entry(member, this.threads.find(member, threadId));
		KeysetPage<Message> page = this.messages.list(member, threadId,
				new PageRequest(null, (before != null) ? before : Long.MAX_VALUE, MESSAGES_PER_PAGE));
		boolean latest = before == null;
		List<MessageEntry> shown = entries(member, page.items(), latest);
		Optional<BotProfile> profile = this.botThreads.profile(member, threadId);
		boolean empty = latest && shown.isEmpty();
		String language = locale.toString();
		return new Conversation(thread, shown,
				(page.previousCursor() != null) ? Message.apiId(page.previousCursor()) : null, latest,
				empty ? profile.map((bot) -> bot.greetingFor(language)).orElse(null) : null,
				empty && profile.map((bot) -> bot.getStarted() != null).orElse(false),
				profile.map((bot) -> bot.menuFor(language)).orElse(List.of()));
	}

	/**
	 * The messages after the one given, for a page that shows the thread live.
	 *
	 * @param more whether there are more than one page holds
	 */
	record Fresh(List<MessageEntry> messages, boolean more) {
	}

	Fresh after(Actor.Member member, long threadId, long afterId) {
		KeysetPage<Message> page = this.messages.list(member, threadId, PageRequest.after(afterId, MESSAGES_PER_PAGE));
		return new Fresh(entries(member, page.items(), page.nextCursor() == null), page.nextCursor() != null);
	}

	MessageEntry entry(Actor.Member member, Message message) {
		return entries(member, List.of(message), true).getFirst();
	}

	private List<MessageEntry> entries(Actor.Member member, List<Message> page, boolean endsTheThread) {
		List<MessageEntry> entries = new ArrayList<>(page.size());
		for (int i = 0; i < page.size(); i++) {
			Message message = page.get(i);
			boolean newest = endsTheThread && i == page.size() - 1;
			entries.add(new MessageEntry(message, Message.apiId(message.id()), message.from().id() == member.id(),
					message.from().isBot() ? logo(message.from().id()) : null, buttons(message.attachment()),
					cards(message.attachment()),
					newest && message.from().isBot() && !message.quickReplies().isEmpty()));
		}
		return entries;
	}

	private static List<Choice> buttons(@Nullable Attachment attachment) {
		if (!(attachment instanceof Attachment.ButtonTemplate template)) {
			return List.of();
		}
		List<Choice> choices = new ArrayList<>();
		for (Attachment.Button button : template.buttons()) {
			choices.add(new Choice(choices.size(), button));
		}
		return choices;
	}

	/** A generic template's cards; their buttons count on from one card to the next. */
	private static List<Card> cards(@Nullable Attachment attachment) {
		if (!(attachment instanceof Attachment.GenericTemplate template)) {
			return List.of();
		}
		List<Card> cards = new ArrayList<>();
		int index = 0;
		for (Attachment.Element element : template.elements()) {
			List<Choice> choices = new ArrayList<>();
			for (Attachment.Button button : element.buttons()) {
				choices.add(new Choice(index++, button));
			}
			cards.add(new Card(element, choices));
		}
		return cards;
	}

	/**
	 * A one-to-one thread is titled with the other participant (a bot with its current
	 * name and logo), a group chat with its name, or its participants' names.
	 */
	ThreadEntry entry(Actor.Member member, ChatThread thread) {
		String id = ChatThread.apiId(thread.id());
		List<Participant> others = thread.participants().stream().filter((p) -> p.id() != member.id()).toList();
		if (thread.kind() == ThreadKind.DIRECT && !others.isEmpty()) {
			Participant other = others.getFirst();
			Optional<Bots.ListedBot> bot = other.isBot() ? this.bots.find(other.id()) : Optional.empty();
			return new ThreadEntry(thread, id, bot.map(Bots.ListedBot::name).orElse(other.name()),
					bot.map(ChatViews::logoUrl).orElse(null), other.isBot());
		}
		String title = (thread.name() != null) ? thread.name()
				: others.stream().map(Participant::name).collect(Collectors.joining(", "));
		return new ThreadEntry(thread, id, title, null, false);
	}

	static String initialOf(String name) {
		String stripped = name.strip();
		return stripped.isEmpty() ? "?"
				: stripped.substring(0, stripped.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
	}

	private @Nullable String logo(long pageId) {
		return this.bots.find(pageId).map(ChatViews::logoUrl).orElse(null);
	}

}
