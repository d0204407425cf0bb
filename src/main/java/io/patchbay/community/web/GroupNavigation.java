package io.patchbay.community.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.community.Groups;
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
 * Gives every full page of the member app the groups its side navigation lists (those the
 * member joined, by name, with their unread posts; one query). Redirects and htmx
 * fragments go without.
 */
@Component
class GroupNavigation implements HandlerInterceptor, WebMvcConfigurer {

	static final String GROUPS = "navGroups";

	private final Groups groups;

	GroupNavigation(Groups groups) {
		this.groups = groups;
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
			page.addObject(GROUPS, this.groups.joinedWithUnread(new Actor.Member(member.id(), member.name())));
		}
	}

}
