package io.patchbay.webhooks.web;

import io.patchbay.platform.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown integration, topic or delivery in a console URL gets the console's friendly
 * page rather than the API's problem detail.
 */
@ControllerAdvice(assignableTypes = { WebhookConsoleController.class, DeliveryConsoleController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebhookConsoleAdvice {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

}
