package io.patchbay.connections;

import org.jspecify.annotations.Nullable;

/**
 * A PATCH of a connection: new secret fields; name, type, allowed domain and header name
 * may be repeated as they are, never changed.
 */
public record ConnectionChange(@Nullable String name, @Nullable String type, @Nullable String allowedDomain,
		@Nullable String headerName, Credentials credentials) {

}
