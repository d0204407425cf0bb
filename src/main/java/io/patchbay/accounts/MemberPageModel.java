package io.patchbay.accounts;

import io.patchbay.platform.PageViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A module's part of every full page of the member app that depends on who is signed in
 * (the side navigation's groups, its chats), added to the model once the page's handler
 * ran. Redirects and htmx fragments go without.
 */
public abstract class MemberPageModel implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/app", "/app/**");
	}

	@Override
	public final void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (page != null && PageViews.fullPage(page) && authentication != null
				&& authentication.getPrincipal() instanceof SignedInMember member) {
			addTo(page, new Actor.Member(member.id(), member.name()));
		}
	}

	protected abstract void addTo(ModelAndView page, Actor.Member member);

}
