package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Renders every Graph API failure in Workplace's error envelope
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}: never an HTML
 * page, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = GraphErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphErrors {

	static final String TRACE_ATTRIBUTE = GraphErrors.class.getName() + ".trace";

	private static final Logger log = LoggerFactory.getLogger(GraphErrors.class);

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> graph(GraphException ex, HttpServletRequest request) {
		return envelope(ex, request);
	}

	/** Error 100, its message naming the parameter (the field) that broke the rule. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> invalidInput(InvalidInputException ex, HttpServletRequest request) {
		String message = String.valueOf(ex.getMessage());
		return envelope(GraphException.invalidParameter(
				"(#100) " + (message.contains(ex.field()) ? message : ex.field() + ": " + message)), request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> conflict(ConflictException ex, HttpServletRequest request) {
		return envelope(GraphException.invalidParameter("(#100) " + ex.getMessage()), request);
	}

	/** What the integration may not see does not exist for it. */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex, HttpServletRequest request) {
		return envelope(GraphException.unknownObject(pathId(request), request.getMethod()), request);
	}

	/** Error 10 for a read, 200 for a write (POST, DELETE, the Send API included). */
	@ExceptionHandler
	ResponseEntity<Map<String, Object>> missingPermission(MissingPermissionException ex, HttpServletRequest request) {
		return envelope(GraphException.missingPermission(ex.permission(), !"GET".equals(request.getMethod())), request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> refused(AccessRefusedException ex, HttpServletRequest request) {
		return envelope(new GraphException(403, GraphException.OAUTH, 200, null, "(#200) " + ex.getMessage()), request);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			HttpMediaTypeException.class })
	ResponseEntity<Map<String, Object>> badRequest(Exception ex, HttpServletRequest request) {
		return envelope(GraphException.invalidParameter("(#100) Invalid parameter"), request);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, Object>> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Graph API request {} {} failed (fbtrace_id {})", request.getMethod(), request.getRequestURI(),
				trace(request), ex);
		return envelope(new GraphException(500, "GraphMethodException", 1, null,
				"An unknown error has occurred. Please retry your request."), request);
	}

	static ResponseEntity<Map<String, Object>> envelope(GraphException ex, HttpServletRequest request) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", ex.getMessage());
		error.put("type", ex.type());
		error.put("code", ex.code());
		if (ex.subcode() != null) {
			error.put("error_subcode", ex.subcode());
		}
		error.put("fbtrace_id", trace(request));
		var response = ResponseEntity.status(ex.status());
		if (ex.status() == 401) {
			response.header("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\"");
		}
		return response.body(Map.of("error", error));
	}

	/** The object id of a Graph path: its first segment, the version left out. */
	static String pathId(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + "/graph".length());
		String id = path.startsWith("/") ? path.substring(1) : path;
		if (id.matches("v\\d+(\\.\\d+)?(/.*)?")) {
			id = id.contains("/") ? id.substring(id.indexOf('/') + 1) : "";
		}
		int slash = id.indexOf('/');
		return (slash < 0) ? id : id.substring(0, slash);
	}

	static String trace(HttpServletRequest request) {
		Object trace = request.getAttribute(TRACE_ATTRIBUTE);
		if (trace == null) {
			trace = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
			request.setAttribute(TRACE_ATTRIBUTE, trace);
		}
		return trace.toString();
	}

}
