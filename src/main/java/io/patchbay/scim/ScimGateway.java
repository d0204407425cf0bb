package io.patchbay.scim;

import java.util.List;
import java.util.Locale;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;
import io.patchbay.integrations.CallAdmission;
import io.patchbay.integrations.CallAdmission.Admission;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits a SCIM call with the checks every integration call passes
 * ({@link CallAdmission}: token, enabled, allowed addresses, proof, rate limit, usage),
 * then requires {@code manage_accounts}. Refusals are SCIM errors: 401 without a valid
 * token, 403 for a disabled integration, a refused address, a bad proof or a missing
 * permission, 429 past the rate limit.
 */
@Component
class ScimGateway implements HandlerInterceptor {

	static final String CALLER = ScimGateway.class.getName() + ".caller";

	private final CallAdmission admission;

	private final ClientAddresses clientAddresses;

	ScimGateway(CallAdmission admission, ClientAddresses clientAddresses) {
		this.admission = admission;
		this.clientAddresses = clientAddresses;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws ScimException {
		Admission admitted = this.admission.admit(token(request), this.clientAddresses.of(request),
				request.getParameter("appsecret_proof"), request.getParameter("appsecret_time"));
		if (admitted.refusal() != null) {
			throw switch (admitted.refusal()) {
				case MISSING_TOKEN -> new UnauthorizedException("A bearer access token is required");
				case INVALID_TOKEN -> new UnauthorizedException("Invalid access token");
				case DISABLED -> new ForbiddenException("The integration is disabled");
				case ADDRESS_NOT_ALLOWED -> new ForbiddenException("Unauthorized source IP address");
				case PROOF_MISSING -> new ForbiddenException("This integration requires an appsecret_proof argument");
				case TIME_MISSING -> new ForbiddenException("This integration requires an appsecret_time argument");
				case PROOF_INVALID -> new ForbiddenException("Invalid appsecret_proof");
				case RATE_LIMITED -> new ScimException(429, null, "Application request limit reached");
			};
		}
		IntegrationPrincipal integration = admitted.integration();
		if (integration == null || !integration.holds(Permission.MANAGE_ACCOUNTS)) {
			throw new ForbiddenException("SCIM needs the manage_accounts permission");
		}
		ScimCaller caller = new ScimCaller(integration);
		request.setAttribute(CALLER, caller);
		// The audit log names whoever is authenticated: the integration's page. The
		// stateless chain clears it after the request.
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of()));
		return true;
	}

	private static @Nullable String token(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			return null;
		}
		String token = header.substring("bearer ".length()).strip();
		return token.isEmpty() ? null : token;
	}

}
