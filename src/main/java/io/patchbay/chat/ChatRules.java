package io.patchbay.chat;

import io.patchbay.accounts.Actor;
import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.NotFoundException;

/**
 * Who may read and write which thread, written once for the member app, the member API,
 * the Graph API and workflows:
 * <ul>
 * <li>a member reads and writes the threads they are in, and manages the group chats they
 * are in;</li>
 * <li>a bot (an integration's page) reads and writes the threads it is in: a one-to-one
 * thread needs {@code message_any_member}, a group chat {@code group_chat_bot}, which
 * also lets it manage the group chats it is in; {@code read_all_messages} reads any
 * thread;</li>
 * <li>a workflow writes into the group chats its creator is in (any, when an
 * administrator made it), and to any member in a one-to-one thread of its own;</li>
 * <li>administrators do not read members' chats.</li>
 * </ul>
 * A thread the caller may not read does not exist for it.
 */
final class ChatRules {

	private ChatRules() {
	}

	static ChatThread read(Actor actor, ChatThread thread) {
		boolean allowed = switch (actor) {
			case Actor.Member member -> thread.includes(member.id());
			case Actor.Page page -> thread.includes(page.pageId()) || page.holds(Permission.READ_ALL_MESSAGES);
			case Actor.Workflow workflow -> channel(workflow, thread);
			case Actor.Administrator administrator -> false;
		};
		if (!allowed) {
			throw notFound(thread.id());
		}
		return thread;
	}

	static void write(Actor actor, ChatThread thread) {
		switch (actor) {
			case Actor.Member member -> read(member, thread);
			case Actor.Page page -> {
				if (!thread.includes(page.pageId())) {
					throw notFound(thread.id());
				}
				require(page, (thread.kind() == ThreadKind.DIRECT) ? Permission.MESSAGE_ANY_MEMBER
						: Permission.GROUP_CHAT_BOT);
			}
			case Actor.Workflow workflow -> {
				if (!channel(workflow, thread)) {
					throw notFound(thread.id());
				}
			}
			case Actor.Administrator administrator ->
				throw new AccessRefusedException("Administrators do not write in members' chats");
		}
	}

	/** Adding and removing participants, renaming: group chats only. */
	static void manage(Actor actor, ChatThread thread) {
		switch (actor) {
			case Actor.Member member -> read(member, thread);
			case Actor.Page page -> {
				if (!thread.includes(page.pageId())) {
					throw notFound(thread.id());
				}
				require(page, Permission.GROUP_CHAT_BOT);
			}
			default -> throw new AccessRefusedException("Only a thread's participants change it");
		}
		if (thread.kind() != ThreadKind.GROUP) {
			throw new io.patchbay.platform.InvalidInputException("thread",
					"A one-to-one thread keeps its two participants");
		}
	}

	/** Opening a thread: a bot needs the permission of its kind. */
	static void open(Actor actor, ThreadKind kind) {
		switch (actor) {
			case Actor.Member member -> {
				// Members open any thread with the people and bots they may reach.
			}
			case Actor.Page page ->
				require(page, (kind == ThreadKind.DIRECT) ? Permission.MESSAGE_ANY_MEMBER : Permission.GROUP_CHAT_BOT);
			case Actor.Workflow workflow when kind == ThreadKind.DIRECT -> {
				// A workflow's direct messages: to any member, as a bot with
				// message_any_member.
			}
			default -> throw new AccessRefusedException("Threads are opened by members and bots");
		}
	}

	/** Reading a member's conversations as a whole: compliance only. */
	static void conversations(Actor actor) {
		if (!(actor instanceof Actor.Page page) || !page.holds(Permission.READ_ALL_MESSAGES)) {
			throw (actor instanceof Actor.Page) ? new MissingPermissionException(Permission.READ_ALL_MESSAGES)
					: new AccessRefusedException("Only compliance integrations read all conversations");
		}
	}

	private static boolean channel(Actor.Workflow workflow, ChatThread thread) {
		return thread.includes(workflow.id()) || (thread.kind() == ThreadKind.GROUP
				&& (workflow.administrative() || thread.includes(workflow.creatorId())));
	}

	private static void require(Actor.Page page, Permission permission) {
		if (!page.holds(permission)) {
			throw new MissingPermissionException(permission);
		}
	}

	static NotFoundException notFound(long threadId) {
		return new NotFoundException("Thread", ChatThread.apiId(threadId));
	}

}
