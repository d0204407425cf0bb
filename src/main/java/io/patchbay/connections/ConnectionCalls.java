package io.patchbay.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.OutboundException;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.OutboundRequest;
import io.patchbay.platform.OutboundResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one executor of connection calls: https only, to a host the allowed domain covers,
 * through the platform's outbound client (no redirects followed, a deadline, the address
 * rules of production mode). Everything is checked before a byte leaves, and the
 * credential header is set after the caller's, so no caller header can replace it.
 */
@Component
class ConnectionCalls {

	private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

	/** Set by the HTTP client itself; a caller's would break the request's framing. */
	private static final Set<String> FRAMING_HEADERS = Set.of("host", "content-length", "transfer-encoding",
			"connection");

	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

	private final OutboundHttp http;

	private final ConnectionProperties properties;

	private final MeterRegistry meters;

	ConnectionCalls(OutboundHttp http, ConnectionProperties properties, MeterRegistry meters) {
		this.http = http;
		this.properties = properties;
		this.meters = meters;
	}

	ApiCallResult call(Connection connection, Credentials credentials, ApiCall call) {
		OutboundRequest request;
		try {
			request = request(connection, credentials, call);
		}
		catch (InvalidInputException ex) {
			count(connection, "refused");
			throw ex;
		}
		try {
			OutboundResponse response = this.http.send(request);
			count(connection, (response.status() / 100) + "xx");
			return new ApiCallResult(response.status(), response.headers(), response.bodyExcerpt(),
					response.truncated());
		}
		catch (OutboundException ex) {
			if (ex.failure() == OutboundException.Failure.ADDRESS_NOT_ALLOWED
					|| ex.failure() == OutboundException.Failure.URL_NOT_ALLOWED) {
				count(connection, "refused");
				throw new InvalidInputException("url", "The call was refused: " + ex.getMessage());
			}
			count(connection, "failed");
			throw new ApiCallFailedException("The call to " + request.uri().getHost() + " failed: " + ex.getMessage());
		}
	}

	private OutboundRequest request(Connection connection, Credentials credentials, ApiCall call) {
		String method = (call.method() != null) ? call.method().strip().toUpperCase(Locale.ROOT) : "";
		if (!METHODS.contains(method)) {
			throw new InvalidInputException("method", "method must be GET, POST, PUT, PATCH or DELETE");
		}
		URI uri = uri(call.url());
		// Checked when it was stored: no rule lookup (Public Suffix List) per call.
		if (!new AllowedDomain(connection.allowedDomain()).covers(uri.getHost())) {
			throw new InvalidInputException("url", "The host " + uri.getHost()
					+ " is outside the connection's allowed domain " + connection.allowedDomain());
		}
		Map.Entry<String, String> credential = credentialHeader(connection, credentials);
		Map<String, String> headers = new LinkedHashMap<>();
		if (call.headers() != null) {
			call.headers().forEach((name, value) -> {
				checkHeader(name, value);
				if (!name.equalsIgnoreCase(credential.getKey())) {
					headers.put(name, value);
				}
			});
		}
		headers.put(credential.getKey(), credential.getValue());
		byte[] body = (call.body() != null) ? call.body().getBytes(StandardCharsets.UTF_8) : null;
		return new OutboundRequest(method, uri, headers, body, this.properties.callTimeout(),
				Math.toIntExact(this.properties.maxResponseSize().toBytes()));
	}

	private static URI uri(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidInputException("url", "url is required");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException("url", "url is not a valid URL");
		}
		if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("https")) {
			throw new InvalidInputException("url", "Connection calls use https only");
		}
		if (uri.getHost() == null) {
			throw new InvalidInputException("url", "url must name a host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidInputException("url", "url cannot carry credentials: the connection adds them");
		}
		return uri;
	}

	private static void checkHeader(String name, @Nullable String value) {
		if (!HEADER_NAME.matcher(name).matches()) {
			throw new InvalidInputException("headers", "'" + name + "' is not a valid header name");
		}
		if (FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			throw new InvalidInputException("headers", "The header " + name + " is set by Patchbay");
		}
		if (value == null || value.chars().anyMatch((c) -> (c < 0x20 && c != '\t') || c == 0x7f)) {
			throw new InvalidInputException("headers", "The value of " + name + " cannot contain control characters");
		}
	}

	private static Map.Entry<String, String> credentialHeader(Connection connection, Credentials credentials) {
		return switch (connection.type()) {
			case API_KEY -> Map.entry(Objects.requireNonNull(connection.headerName()),
					Objects.requireNonNull(credentials.apiKey()));
			case BASIC -> Map.entry("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(
						(credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
			case BEARER -> Map.entry("Authorization", "Bearer " + Objects.requireNonNull(credentials.token()));
			// The access token OAuthTokens keeps fresh, passed in as the token
			case OAUTH2 -> Map.entry("Authorization", "Bearer " + Objects.requireNonNull(credentials.token()));
		};
	}

	private void count(Connection connection, String outcome) {
		this.meters.counter("patchbay.connection.calls", "connection", connection.name(), "outcome", outcome)
			.increment();
	}

}
