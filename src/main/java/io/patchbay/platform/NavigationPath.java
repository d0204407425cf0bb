package io.patchbay.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every full page of the console and the member app the path it shows
 * ({@code navPath}), which their navigations mark as the current page (Thymeleaf has no
 * request object). Redirects and htmx fragments go without.
 */
@Component
class NavigationPath implements HandlerInterceptor, WebMvcConfigurer {

	static final String PATH = "navPath";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/app", "/app/**", "/console", "/console/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page != null && PageViews.fullPage(page)) {
			page.addObject(PATH, request.getRequestURI());
		}
	}

}
