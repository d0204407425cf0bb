package io.patchbay.chat.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.chat.Threads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every full page of the member app what its side navigation shows of chat: the
 * member's unread messages for the "Chat" link (one query, whatever the number of
 * threads) and the most recent threads with their own unread counts. Redirects and htmx
 * fragments go without.
 */
@Component
class ChatNavigation implements HandlerInterceptor, WebMvcConfigurer {

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
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/app", "/app/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		String view = (page != null) ? page.getViewName() : null;
		if (view == null || view.startsWith("redirect:") || view.contains("::")) {
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInMember member) {
			Actor.Member caller = new Actor.Member(member.id(), member.name());
			page.addObject(UNREAD, this.threads.unreadTotal(caller));
			page.addObject(RECENT, this.pages.recent(caller, RECENT_THREADS));
		}
	}

}
