package io.patchbay.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The errors of every page controller ({@link PageController}), console and member app
 * alike: what the caller may not see is a "not found" page, what they may not do a
 * "forbidden" page, and a form that broke a rule goes back to the page it came from with
 * the message next to the form's section. A controller that wants something else for a
 * form (an open dialog with what was typed) catches the exception itself.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(HttpServletRequest request) {
		return new ModelAndView(inApp(request) ? "app/not-found" : "error/404", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler
	ModelAndView refused(AccessRefusedException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView(inApp(request) ? "app/forbidden" : "error/403", HttpStatus.FORBIDDEN);
		page.addObject("reason", ex.getMessage());
		return page;
	}

	@ExceptionHandler
	String invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return backToForm(ex.getMessage(), request);
	}

	@ExceptionHandler
	String conflict(ConflictException ex, HttpServletRequest request) {
		return backToForm(ex.getMessage(), request);
	}

	/**
	 * Back to the page of the object the form belongs to ({@code /console/things/{id}}),
	 * scrolled to the form's section: the {@code section} parameter when the form names
	 * it, else the path segment after the id ({@code .../{id}/permissions}).
	 */
	/** Fields never sent back into a page, even the page they were typed into. */
	private static final Set<String> SECRET_FIELDS = Set.of("_csrf", "password", "currentPassword", "newPassword",
			"confirmation", "apiKey", "token", "clientSecret", "username");

	static String backToForm(String message, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		List<String> segments = List.of(path.split("/"));
		int id = segments.size() - 1;
		while (id > 0 && !segments.get(id).chars().allMatch(Character::isDigit)) {
			id--;
		}
		String base = (id > 0) ? String.join("/", segments.subList(0, id + 1)) : path;
		String section = request.getParameter("section");
		if (section == null || !section.matches("[a-z-]{1,40}")) {
			section = (id > 0 && id + 1 < segments.size()) ? segments.get(id + 1) : "details";
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", message);
		flash.put("errorSection", section);
		// What was typed comes back into the form, secrets excepted.
		Map<String, List<String>> draft = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!SECRET_FIELDS.contains(name)) {
				draft.put(name, List.of(values));
			}
		});
		flash.put("draft", draft);
		flash.put("drafted", section);
		return "redirect:" + base + "#" + section;
	}

	private static boolean inApp(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/app");
	}

}
