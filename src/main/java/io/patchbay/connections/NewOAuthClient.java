package io.patchbay.connections;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth client to create, or (for a PATCH) the fields to change, as an administrator
 * typed them; {@link OAuthClients} checks them.
 */
public record NewOAuthClient(@Nullable String name, @Nullable String clientId, @Nullable String clientSecret,
		@Nullable String grantType, @Nullable String authorizationUrl, @Nullable String tokenUrl,
		@Nullable String defaultScopes, @Nullable String clientAuthentication) {

	@Override
	public String toString() {
		return "NewOAuthClient[name=" + this.name + "]";
	}

}
