package io.patchbay.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the multipart limit fails before any controller is chosen, so only a
 * global advice sees it; it answers like any other too-large file: 400 naming the field.
 */
@RestControllerAdvice
class UploadLimitAdvice {

	@ExceptionHandler
	ProblemDetail tooLarge(MaxUploadSizeExceededException ex) {
		return ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "The file is too large (at most 1 MiB)", "file");
	}

}
