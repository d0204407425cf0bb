package io.patchbay.connections;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A connection as anyone may see it: everything but its secrets.
 *
 * @param headerName the header carrying the key, {@code API_KEY} only
 * @param lastUsedBy who made the last call: the console's administrator or a workflow
 */
public record Connection(long id, String name, ConnectionType type, String allowedDomain, @Nullable String headerName,
		Instant createdAt, Instant updatedAt, String createdBy, @Nullable Instant lastUsedAt,
		@Nullable String lastUsedBy) {

}
