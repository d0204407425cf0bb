package io.patchbay.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member's personal access token as lists show it: never the token itself.
 *
 * @param token the token, only in the answer that creates it
 */
public record PersonalAccessToken(long id, String name, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable String token) {

}
