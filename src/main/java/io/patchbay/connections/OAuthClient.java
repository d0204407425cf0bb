package io.patchbay.connections;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an external system issued to Patchbay, as anyone may see it: everything but the
 * client secret.
 *
 * @param defaultScopes space-separated, used when a connection names none
 */
public record OAuthClient(long id, String name, String clientId, GrantType grantType, @Nullable String authorizationUrl,
		String tokenUrl, String defaultScopes, ClientAuthentication clientAuthentication, Instant createdAt,
		Instant updatedAt) {

	/** The OAuth 2.0 grant a client uses to get its connections' tokens. */
	public enum GrantType {

		AUTHORIZATION_CODE("authorization_code"), CLIENT_CREDENTIALS("client_credentials");

		private final String apiName;

		GrantType(String apiName) {
			this.apiName = apiName;
		}

		public String apiName() {
			return this.apiName;
		}

	}

	/** How the client proves itself at the token endpoint. */
	public enum ClientAuthentication {

		CLIENT_SECRET_BASIC("client_secret_basic"), CLIENT_SECRET_POST("client_secret_post");

		private final String apiName;

		ClientAuthentication(String apiName) {
			this.apiName = apiName;
		}

		public String apiName() {
			return this.apiName;
		}

	}

}
