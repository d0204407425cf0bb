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
		throw GraphException.unknownObject(GraphErrors.pathId(request), request.getMethod());
	}

}
