package io.patchbay.integrations.web;

import java.util.Map;

import io.patchbay.platform.ConflictException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the registry's rule violations into a message next to the form that broke the
 * rule, on the page the administrator was on, instead of an error page.
 */
@ControllerAdvice(assignableTypes = { IntegrationConsoleController.class, IntegrationSecretsConsoleController.class,
		IntegrationAccessConsoleController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleProblemAdvice {

	/** Which section of the detail page holds the form field the registry names. */
	private static final Map<String, String> SECTIONS = Map.of("name", "details", "description", "details", "file",
			"details", "enabled", "visibility", "visible", "visibility", "permissions", "permissions", "groupAccess",
			"permissions", "allowedIps", "security", "requireAppSecretTime", "security", "confirmName", "delete");

	@ExceptionHandler
	String invalidInput(InvalidInputException ex, HttpServletRequest request) {
		return backToForm(ex.field(), ex.getMessage(), request);
	}

	@ExceptionHandler
	String conflict(ConflictException ex, HttpServletRequest request) {
		return backToForm(ex.field(), ex.getMessage(), request);
	}

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

	private static String backToForm(String field, String message, HttpServletRequest request) {
		String section = SECTIONS.getOrDefault(field, "details");
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("error", message);
		flash.put("errorSection", section);
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get("id") instanceof String id) {
			return "redirect:/console/integrations/" + id + "#" + section;
		}
		return "redirect:/console/integrations";
	}

}
