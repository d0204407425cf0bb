package io.patchbay.graph;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers paths and methods that no endpoint serves, after the gateway's checks, as the
 * Graph API does: error 100 with subcode 33, never a 404 page.
 */
@RestController
class GraphFallbackController {

	@RequestMapping({ "/graph", "/graph/**" })
	Object unsupported(GraphCaller caller, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + "/graph".length());
		String id = path.startsWith("/") ? path.substring(1) : path;
		int slash = id.indexOf('/');
		throw GraphException.unknownObject((slash < 0) ? id : id.substring(0, slash), request.getMethod());
	}

}
