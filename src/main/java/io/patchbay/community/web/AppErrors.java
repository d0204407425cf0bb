package io.patchbay.community.web;

import io.patchbay.platform.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The member app's pages answer a group or post the member cannot see with a 404 page, as
 * the API does, rather than a server error.
 */
@ControllerAdvice(assignableTypes = AppController.class)
class AppErrors {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "app/not-found";
	}

}
