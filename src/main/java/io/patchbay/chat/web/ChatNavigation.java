package io.patchbay.chat.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberPageModel;
import io.patchbay.chat.Threads;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every full page of the member app what its side navigation shows of chat: the
 * member's unread messages for the "Chat" link (one query, whatever the number of
 * threads) and the most recent threads with their own unread counts.
 */
@Component
class ChatNavigation extends MemberPageModel {

	static final String UNREAD = "chatUnread";

	static final String RECENT = "navChats";

	/** Enough to reach the chats of the day; the Chat page lists them all. */
	private static final int RECENT_THREADS = 6;

	private final Threads threads;

	private final ChatPageModel pages;

	ChatNavigation(Threads threads, ChatPageModel pages) {
		this.threads = threads;
		this.pages = pages;
	}

	@Override
	protected void addTo(ModelAndView page, Actor.Member member) {
		page.addObject(UNREAD, this.threads.unreadTotal(member));
		page.addObject(RECENT, this.pages.recent(member, RECENT_THREADS));
	}

}
