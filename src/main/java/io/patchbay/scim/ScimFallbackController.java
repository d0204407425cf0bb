package io.patchbay.scim;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paths under {@code /scim} that name nothing: a SCIM 404, after the gateway's checks.
 */
@RestController
class ScimFallbackController {

	@RequestMapping({ "/scim", "/scim/**" })
	Object unknown(ScimCaller caller, HttpServletRequest request) throws ScimException {
		throw new ResourceNotFoundException("No SCIM endpoint at " + request.getRequestURI());
	}

}
