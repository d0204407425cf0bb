package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.integrations.CallAdmission;
import io.patchbay.integrations.CallAdmission.Admission;
import io.patchbay.integrations.CallAdmission.Refusal;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.platform.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Runs the integration call checks ({@link CallAdmission}) before any Graph endpoint and
 * turns a refusal into the Graph API's error. A call that passes is answered with
 * {@code x-app-usage}.
 */
@Component
class GraphGateway implements HandlerInterceptor {

	static final String CALLER = GraphGateway.class.getName() + ".caller";

	private final CallAdmission admission;

	private final ClientAddresses clientAddresses;

	private final JsonMapper json;

	private final MeterRegistry meters;

	/** Counters by integration and status, looked up once rather than on every call. */
	private final Map<CallKey, Counter> calls = new ConcurrentHashMap<>();

	private record CallKey(long integrationId, int status) {
	}

	GraphGateway(CallAdmission admission, ClientAddresses clientAddresses, JsonMapper json, MeterRegistry meters) {
		this.admission = admission;
		this.clientAddresses = clientAddresses;
		this.json = json;
		this.meters = meters;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		GraphParameters parameters = GraphParameters.read(request, this.json);
		Admission admission = this.admission.admit(token(request, parameters), this.clientAddresses.of(request),
				parameters.value("appsecret_proof"), parameters.value("appsecret_time"));
		IntegrationPrincipal integration = admission.integration();
		if (integration != null) {
			request.setAttribute(CALLER, new GraphCaller(integration, parameters));
			if (admission.refusal() == null || admission.refusal() == Refusal.RATE_LIMITED) {
				response.setHeader("x-app-usage", appUsage(integration.id()));
			}
		}
		if (admission.refusal() != null) {
			throw error(admission.refusal());
		}
		// The audit log and events name whoever is authenticated: for a Graph call that
		// is the integration, not "anonymousUser". The stateless chain clears it after
		// the request.
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated("integration " + integration.id() + " (" + integration.name() + ")", null, List.of()));
		return true;
	}

	private static GraphException error(Refusal refusal) {
		return switch (refusal) {
			case MISSING_TOKEN -> new GraphException(400, GraphException.OAUTH, 2500, null,
					"An active access token must be used to query information about the current user.");
			case INVALID_TOKEN ->
				new GraphException(401, GraphException.OAUTH, 190, 467, "Invalid OAuth access token.");
			case DISABLED -> new GraphException(401, GraphException.OAUTH, 190, 458, "The integration is disabled.");
			case ADDRESS_NOT_ALLOWED ->
				new GraphException(403, GraphException.OAUTH, 5, null, "Unauthorized source IP address");
			case PROOF_MISSING -> new GraphException(400, GraphException.METHOD, 100, null,
					"API calls from the server require an appsecret_proof argument");
			case TIME_MISSING -> new GraphException(400, GraphException.METHOD, 100, null,
					"API calls from the server require an appsecret_time argument");
			case PROOF_INVALID -> new GraphException(400, GraphException.METHOD, 100, null,
					"Invalid appsecret_proof provided in the API argument");
			case RATE_LIMITED ->
				new GraphException(429, GraphException.OAUTH, 4, null, "Application request limit reached");
		};
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (request.getAttribute(CALLER) instanceof GraphCaller caller) {
			this.calls.computeIfAbsent(new CallKey(caller.integration().id(), response.getStatus()),
					(k) -> this.meters.counter("patchbay.graph.requests", "integration",
							String.valueOf(caller.integration().id()), "status", String.valueOf(response.getStatus())))
				.increment();
		}
	}

	/**
	 * {@code {"call_count": P, "total_time": 0, "total_cputime": 0}}, as Workplace sends
	 * it.
	 */
	private String appUsage(long integrationId) {
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("call_count", this.admission.percentUsed(integrationId));
		usage.put("total_time", 0);
		usage.put("total_cputime", 0);
		return this.json.writeValueAsString(usage);
	}

	private static @Nullable String token(HttpServletRequest request, GraphParameters parameters) {
		String header = request.getHeader("Authorization");
		if (header != null) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("bearer ") || lower.startsWith("oauth ")) {
				String token = header.substring(header.indexOf(' ') + 1).strip();
				if (!token.isEmpty()) {
					return token;
				}
			}
		}
		String token = parameters.value("access_token");
		return (token == null || token.isBlank()) ? null : token.strip();
	}

}
