package io.patchbay.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages in threads: sending (members write text; bots and workflows also templates and
 * quick replies), reading, postbacks, quick-reply taps and typing. Every read and write
 * takes the caller; {@link ChatRules} decides where it may read and write, and
 * {@link ContentRules} what a message may hold. A message, its event and its webhooks
 * commit together.
 */
@Service
@Transactional
public class Messages {

	/** A message sent through the Send API, with the thread it went to. */
	public record Sent(Message message, ChatThread thread, boolean threadCreated) {
	}

	private final MessageRepository repository;

	private final ThreadRepository threadRows;

	private final Threads threads;

	private final ChatEventLog log;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Messages(MessageRepository repository, ThreadRepository threadRows, Threads threads, ChatEventLog log,
			ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.threadRows = threadRows;
		this.threads = threads;
		this.log = log;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	public Message send(Actor actor, long threadId, MessageContent content) {
		ChatThread thread = this.threads.forWriting(threadId);
		ChatRules.write(actor, thread);
		MessageContent checked = (actor instanceof Actor.Member) ? ContentRules.member(content)
				: ContentRules.bot(content);
		return store(thread, sender(actor), checked, null);
	}

	/**
	 * A bot or a workflow writes to a member in their one-to-one thread, opened on the
	 * way when there is none yet.
	 */
	public Sent sendToMember(Actor bot, long memberId, MessageContent content) {
		// The rules of the thread first, as the Graph API orders its checks; a message
		// that then breaks a rule rolls the opened thread back.
		Threads.Opened opened = this.threads.open(bot, List.of(memberId), null);
		ChatRules.write(bot, opened.thread());
		MessageContent checked = ContentRules.bot(content);
		return new Sent(store(opened.thread(), sender(bot), checked, null), opened.thread(), opened.created());
	}

	/** A bot opens a group chat with members and writes the first message in it. */
	public Sent sendToNewGroup(Actor.Page bot, List<Long> memberIds, MessageContent content) {
		Threads.Opened opened = this.threads.openGroup(bot, memberIds, null);
		MessageContent checked = ContentRules.bot(content);
		return new Sent(store(opened.thread(), sender(bot), checked, null), opened.thread(), true);
	}

	/**
	 * A thread's messages, oldest first. A member reading them has received them: the
	 * bots of the thread learn it.
	 */
	public KeysetPage<Message> list(Actor actor, long threadId, PageRequest page) {
		ChatThread thread = this.threads.find(actor, threadId);
		KeysetPage<Message> messages = KeysetPage.of(this.repository.list(threadId, page), page, Message::id);
		if (actor instanceof Actor.Member member && !messages.items().isEmpty()) {
			this.threads.delivered(thread, new Participant(member.id(), ParticipantType.MEMBER, member.name()),
					messages.items().getLast().id());
		}
		return messages;
	}

	/**
	 * A member clicks button {@code index} of a bot's message: its payload goes to the
	 * bot.
	 */
	public void postback(Actor.Member member, long messageId, int index) {
		Message message = find(member, messageId);
		if (!message.from().isBot() || message.attachment() == null) {
			throw new InvalidInputException("buttonIndex", "This message has no buttons");
		}
		List<Attachment.Button> buttons = message.attachment().buttons();
		if (index < 0 || index >= buttons.size()) {
			throw new InvalidInputException("buttonIndex",
					"buttonIndex must be 0 to " + (buttons.size() - 1) + " for this message");
		}
		Attachment.Button button = buttons.get(index);
		if (button.type() != Attachment.Button.Type.POSTBACK || button.payload() == null) {
			throw new InvalidInputException("buttonIndex", "This button opens a link; it sends nothing to the bot");
		}
		ChatThread thread = this.threads.find(member, message.threadId());
		this.events.publishEvent(new PostbackClicked(messageId, thread.id(), thread.kind(),
				new Participant(member.id(), ParticipantType.MEMBER, member.name()), message.from(), button.title(),
				button.payload(), this.clock.instant()));
	}

	/**
	 * A member taps quick reply {@code index} under a bot's message: its title becomes
	 * their answer in the thread, and its payload goes to the bot with it.
	 */
	public Message quickReply(Actor.Member member, long messageId, int index) {
		Message message = find(member, messageId);
		if (!message.from().isBot() || message.quickReplies().isEmpty()) {
			throw new InvalidInputException("index", "This message has no quick replies");
		}
		if (index < 0 || index >= message.quickReplies().size()) {
			throw new InvalidInputException("index",
					"index must be 0 to " + (message.quickReplies().size() - 1) + " for this message");
		}
		QuickReply reply = message.quickReplies().get(index);
		ChatThread thread = this.threads.find(member, message.threadId());
		return store(thread, sender(member), MessageContent.text(reply.title()), reply.payload());
	}

	/** Shows or hides "… is typing" to the thread's other participants. */
	public void typing(Actor actor, long threadId, boolean on) {
		ChatThread thread = this.threads.forWriting(threadId);
		ChatRules.write(actor, thread);
		this.log.record(threadId, ChatEvent.Type.TYPING, ChatJson.typing(threadId, sender(actor), on),
				thread.participants());
	}

	/** A message, if the caller may read its thread. */
	@Transactional(readOnly = true)
	public Message find(Actor actor, long messageId) {
		Message message = this.repository.findById(messageId)
			.orElseThrow(() -> new NotFoundException("Message", Message.apiId(messageId)));
		this.threads.find(actor, message.threadId());
		return message;
	}

	private Message store(ChatThread thread, Participant from, MessageContent content,
			@org.jspecify.annotations.Nullable String quickReplyPayload) {
		Instant now = this.clock.instant();
		Message message = new Message(this.ids.next(), thread.id(), from, content.text(), content.attachment(),
				content.quickReplies(), content.metadata(), quickReplyPayload, now);
		this.repository.insert(message);
		this.threadRows.touch(thread.id(), message.id());
		if (thread.includes(from.id())) {
			// What one writes, one has read.
			this.threadRows.read(thread.id(), from.id(), message.id());
		}
		this.log.record(thread.id(), ChatEvent.Type.MESSAGE, ChatJson.message(message), thread.participants());
		this.events.publishEvent(new MessageSent(message, thread.kind(), thread.participants()));
		return message;
	}

	private static Participant sender(Actor actor) {
		return switch (actor) {
			case Actor.Member member -> new Participant(member.id(), ParticipantType.MEMBER, member.name());
			case Actor.Page page -> new Participant(page.pageId(), ParticipantType.BOT, page.name());
			case Actor.Workflow workflow -> new Participant(workflow.id(), ParticipantType.WORKFLOW, workflow.name());
			case Actor.Administrator administrator ->
				throw new io.patchbay.platform.AccessRefusedException("Administrators do not chat as such");
		};
	}

}
