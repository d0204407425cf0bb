package io.patchbay.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * An upload over the multipart limit fails before any controller is chosen, so only a
 * global advice sees it. It answers like any other too-large file: a 400 problem detail
 * naming the field for the APIs, and for a console form a message back on the page it
 * came from.
 */
@ControllerAdvice
class UploadLimitAdvice {

	private static final String MESSAGE = "The file is too large (at most 1 MiB)";

	@ExceptionHandler
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/console/")) {
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("error", MESSAGE);
			flash.put("errorSection", "details");
			return new ModelAndView("redirect:" + path.substring(0, path.lastIndexOf('/')) + "#details");
		}
		return ResponseEntity.badRequest().body(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, MESSAGE, "file"));
	}

}
