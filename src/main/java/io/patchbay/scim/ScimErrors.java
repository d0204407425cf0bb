package io.patchbay.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Answers every failure under {@code /scim/v2} with RFC 7644's error body and status, the
 * feature modules' refusals translated: bad input 400 {@code invalidValue}, a taken
 * {@code userName} 409 {@code uniqueness}, what the caller may not touch 403, what does
 * not exist 404. Never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ScimErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

	private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

	@ExceptionHandler
	ResponseEntity<byte[]> scim(ScimException ex) {
		ResponseEntity<byte[]> answer = error(ex.getScimError().getStatus(), ex.getScimError().getScimType(),
				ex.getScimError().getDetail());
		if (ex.getScimError().getStatus() == 401) {
			return ResponseEntity.status(401)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"SCIM\"")
				.contentType(ScimJson.SCIM)
				.body(answer.getBody());
		}
		return answer;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> invalid(InvalidInputException ex) {
		return error(400, "invalidValue", fieldMessage(ex.field(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> conflict(ConflictException ex) {
		boolean unique = ex.field().equals("email") || ex.field().equals("externalId");
		return error(409, unique ? "uniqueness" : null, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<byte[]> notFound(NotFoundException ex) {
		return error(404, null, "Resource not found");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> missingPermission(MissingPermissionException ex) {
		return error(403, null, "This needs the " + ex.permission().apiName() + " permission");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> refused(AccessRefusedException ex) {
		return error(403, null, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<byte[]> method(HttpRequestMethodNotSupportedException ex) {
		return error(405, null, "Method " + ex.getMethod() + " is not supported here");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			HttpMediaTypeException.class })
	ResponseEntity<byte[]> badRequest(Exception ex) {
		return error(400, "invalidValue", "Invalid request parameter");
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unexpected(Exception ex, HttpServletRequest request) {
		log.error("SCIM request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return error(500, null, "An unexpected error occurred");
	}

	static ResponseEntity<byte[]> error(int status, @Nullable String scimType, @Nullable String detail) {
		ErrorResponse body = new ErrorResponse(status);
		body.setScimType(scimType);
		body.setDetail(detail);
		return ResponseEntity.status(status).contentType(ScimJson.SCIM).body(ScimJson.bytes(body));
	}

	private static String fieldMessage(String field, @Nullable String message) {
		String text = String.valueOf(message);
		return text.contains(field) ? text : field + ": " + text;
	}

}
