package io.patchbay.connections;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.patchbay.platform.OutboundException;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.OutboundRequest;
import io.patchbay.platform.OutboundResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Token requests: the Nimbus OAuth 2.0 SDK writes each request and parses each answer,
 * and the platform's outbound client carries it, so a token endpoint gets the same
 * address rules, deadline and size limit as any other outbound call. An answer that is
 * not a token response (an error, HTML, garbage) is a
 * {@link TokenRequestFailedException}.
 */
@Component
class TokenEndpoint {

	private static final int MAX_ANSWER = 64 * 1024;

	/** What the token endpoint issued. {@code lifetime} is 0 when it said none. */
	record Issued(String accessToken, @Nullable String refreshToken, String tokenType, long lifetime,
			@Nullable String scope) {

		@Override
		public String toString() {
			return "Issued[tokenType=" + this.tokenType + ", lifetime=" + this.lifetime + "]";
		}

	}

	/**
	 * The endpoint refused or gave no usable answer.
	 *
	 * @param error the OAuth error code ({@code invalid_grant}…), or {@code unreachable},
	 * {@code invalid_response}
	 */
	static class TokenRequestFailedException extends RuntimeException {

		private final String error;

		TokenRequestFailedException(String error, String message) {
			super(message);
			this.error = error;
		}

		String error() {
			return this.error;
		}

		/** The grant or the client is no longer good: asking again will not help. */
		boolean permanent() {
			return this.error.equals("invalid_grant") || this.error.equals("invalid_client")
					|| this.error.equals("unauthorized_client");
		}

	}

	private final OutboundHttp http;

	private final ConnectionProperties properties;

	TokenEndpoint(OutboundHttp http, ConnectionProperties properties) {
		this.http = http;
		this.properties = properties;
	}

	Issued request(OAuthClient client, String clientSecret, AuthorizationGrant grant, @Nullable Scope scope) {
		ClientID id = new ClientID(client.clientId());
		Secret secret = new Secret(clientSecret);
		ClientAuthentication authentication = (client
			.clientAuthentication() == OAuthClient.ClientAuthentication.CLIENT_SECRET_POST)
					? new ClientSecretPost(id, secret) : new ClientSecretBasic(id, secret);
		HTTPRequest request = new TokenRequest(URI.create(client.tokenUrl()), authentication, grant, scope)
			.toHTTPRequest();
		Map<String, String> headers = new LinkedHashMap<>();
		request.getHeaderMap().forEach((name, values) -> headers.put(name, String.join(", ", values)));
		headers.put("Accept", "application/json");
		String body = (request.getBody() != null) ? request.getBody() : "";
		OutboundResponse answer;
		try {
			answer = this.http.send(new OutboundRequest("POST", request.getURI(), headers,
					body.getBytes(StandardCharsets.UTF_8), this.properties.callTimeout(), MAX_ANSWER));
		}
		catch (OutboundException ex) {
			throw new TokenRequestFailedException("unreachable",
					"The token endpoint could not be reached: " + ex.getMessage());
		}
		return issued(answer);
	}

	private static Issued issued(OutboundResponse answer) {
		HTTPResponse response = new HTTPResponse(answer.status());
		String contentType = answer.header("Content-Type");
		if (contentType != null) {
			response.setHeader("Content-Type", contentType);
		}
		response.setBody(answer.bodyExcerpt());
		TokenResponse parsed;
		try {
			parsed = TokenResponse.parse(response);
		}
		catch (ParseException ex) {
			throw new TokenRequestFailedException("invalid_response",
					"The token endpoint answered " + answer.status() + " with no token response");
		}
		if (!parsed.indicatesSuccess()) {
			ErrorObject error = parsed.toErrorResponse().getErrorObject();
			String code = (error.getCode() != null) ? error.getCode() : "error";
			throw new TokenRequestFailedException(code, "The token endpoint refused: " + code
					+ ((error.getDescription() != null) ? " (" + error.getDescription() + ")" : ""));
		}
		AccessTokenResponse success = parsed.toSuccessResponse();
		AccessToken access = success.getTokens().getAccessToken();
		RefreshToken refresh = success.getTokens().getRefreshToken();
		return new Issued(access.getValue(), (refresh != null) ? refresh.getValue() : null, access.getType().getValue(),
				access.getLifetime(), (access.getScope() != null) ? access.getScope().toString() : null);
	}

}
