package io.patchbay.platform;

import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.ModelAndView;

/**
 * What the interceptors that add to pages (navigations) need to know of a handler's
 * answer.
 */
public final class PageViews {

	private PageViews() {
	}

	/** A whole page: not a redirect, not an htmx fragment ({@code view :: fragment}). */
	public static boolean fullPage(@Nullable ModelAndView page) {
		String view = (page != null) ? page.getViewName() : null;
		return view != null && !view.startsWith("redirect:") && !view.contains("::");
	}

}
