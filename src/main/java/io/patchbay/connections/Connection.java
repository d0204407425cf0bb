package io.patchbay.connections;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A connection as anyone may see it: everything but its secrets.
 *
 * @param headerName the header carrying the key, {@code API_KEY} only
 * @param lastUsedBy who made the last call: the console's administrator or a workflow
 * @param oauth the client and the tokens' state, {@code OAUTH2} only
 */
public record Connection(long id, String name, ConnectionType type, String allowedDomain, @Nullable String headerName,
		Instant createdAt, Instant updatedAt, String createdBy, @Nullable Instant lastUsedAt,
		@Nullable String lastUsedBy, @Nullable OAuth oauth) {

	/**
	 * An OAUTH2 connection's client and tokens.
	 *
	 * @param scopes the scopes asked for; empty for the client's default ones
	 * @param expiresAt when the access token expires, if the provider said
	 * @param grantedScopes what the provider granted
	 * @param lastError why the last refresh failed, if it did
	 */
	public record OAuth(long clientId, String client, String scopes, TokenStatus status, @Nullable Instant expiresAt,
			@Nullable String grantedScopes, @Nullable String lastError) {
	}

	long oauthClientId() {
		if (this.oauth == null) {
			throw new IllegalStateException("Connection " + this.name + " is not an OAuth connection");
		}
		return this.oauth.clientId();
	}

}
