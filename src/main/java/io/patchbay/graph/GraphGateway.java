package io.patchbay.graph;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.integrations.AccessTokens;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.IntegrationUsage;
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
 * Runs the Graph API's checks in the spec's order before any endpoint: token present,
 * token live, integration enabled, caller address allowed, {@code appsecret_proof}
 * present when required, {@code appsecret_time} present when required, the proof valid
 * when given, rate limit. Every identified call is counted in the integration's usage and
 * answered with {@code x-app-usage}. Nothing here touches the database on the hot path:
 * the principal comes from {@link AccessTokens}' cache and usage is counted in memory.
 */
@Component
class GraphGateway implements HandlerInterceptor {

	static final String CALLER = GraphGateway.class.getName() + ".caller";

	private final AccessTokens tokens;

	private final IntegrationUsage usage;

	private final RateLimits rateLimits;

	private final ClientAddresses clientAddresses;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	/** Counters by integration and status, looked up once rather than on every call. */
	private final Map<CallKey, Counter> calls = new ConcurrentHashMap<>();

	private record CallKey(long integrationId, int status) {
	}

	GraphGateway(AccessTokens tokens, IntegrationUsage usage, RateLimits rateLimits, ClientAddresses clientAddresses,
			JsonMapper json, MeterRegistry meters, Clock clock) {
		this.tokens = tokens;
		this.usage = usage;
		this.rateLimits = rateLimits;
		this.clientAddresses = clientAddresses;
		this.json = json;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		GraphParameters parameters = GraphParameters.read(request, this.json);
		String token = token(request, parameters);
		if (token == null) {
			throw new GraphException(400, GraphException.OAUTH, 2500, null,
					"An active access token must be used to query information about the current user.");
		}
		IntegrationPrincipal integration = this.tokens.resolve(token)
			.orElseThrow(() -> new GraphException(401, GraphException.OAUTH, 190, 467, "Invalid OAuth access token."));
		request.setAttribute(CALLER, new GraphCaller(integration, parameters));
		this.usage.record(integration.id());
		if (!integration.enabled()) {
			throw new GraphException(401, GraphException.OAUTH, 190, 458, "The integration is disabled.");
		}
		if (!integration.allowsAddress(this.clientAddresses.of(request))) {
			throw new GraphException(403, GraphException.OAUTH, 5, null, "Unauthorized source IP address");
		}
		checkProof(integration, token, parameters);
		boolean allowed = this.rateLimits.tryCall(integration.id());
		response.setHeader("x-app-usage", appUsage(integration.id()));
		if (!allowed) {
			throw new GraphException(429, GraphException.OAUTH, 4, null, "Application request limit reached");
		}
		// The audit log and events name whoever is authenticated: for a Graph call that
		// is the integration, not "anonymousUser". The stateless chain clears it after
		// the
		// request.
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken
				.authenticated("integration " + integration.id() + " (" + integration.name() + ")", null, List.of()));
		return true;
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

	private void checkProof(IntegrationPrincipal integration, String token, GraphParameters parameters) {
		String proof = parameters.value("appsecret_proof");
		if (proof == null) {
			if (integration.requireAppSecretProof()) {
				throw new GraphException(400, GraphException.METHOD, 100, null,
						"API calls from the server require an appsecret_proof argument");
			}
			return;
		}
		String time = parameters.value("appsecret_time");
		if (time != null && time.isBlank()) {
			time = null;
		}
		if (time == null && integration.requireAppSecretTime()) {
			throw new GraphException(400, GraphException.METHOD, 100, null,
					"API calls from the server require an appsecret_time argument");
		}
		if (!AppSecretProof.valid(proof, token, integration.appSecret(), time, this.clock.instant())) {
			throw new GraphException(400, GraphException.METHOD, 100, null,
					"Invalid appsecret_proof provided in the API argument");
		}
	}

	/**
	 * {@code {"call_count": P, "total_time": 0, "total_cputime": 0}}, as Workplace sends
	 * it.
	 */
	private String appUsage(long integrationId) {
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("call_count", this.rateLimits.percentUsed(integrationId));
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
