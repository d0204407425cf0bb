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
 * Gives every full page of the member app the member's unread chat messages for the
 * "Chat" link of its navigation (one query, whatever the number of threads). Redirects
 * and htmx fragments go without.
 */
@Component
class ChatNavigation implements HandlerInterceptor, WebMvcConfigurer {

	static final String UNREAD = "chatUnread";

	private final Threads threads;

	ChatNavigation(Threads threads) {
		this.threads = threads;
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
			page.addObject(UNREAD, this.threads.unreadTotal(new Actor.Member(member.id(), member.name())));
		}
	}

}
