package io.patchbay.connections;

import org.jspecify.annotations.Nullable;

/**
 * A connection to create, as an administrator typed it; {@link Connections} checks it.
 */
public record NewConnection(@Nullable String name, @Nullable String type, @Nullable String allowedDomain,
		@Nullable String headerName, Credentials credentials, @Nullable String oauthClient, @Nullable String scopes) {

	@Override
	public String toString() {
		return "NewConnection[name=" + this.name + ", type=" + this.type + ", allowedDomain=" + this.allowedDomain
				+ "]";
	}

}
