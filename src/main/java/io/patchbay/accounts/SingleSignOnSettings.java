package io.patchbay.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How members sign in, as the console shows it: the OpenID Connect provider (never its
 * client secret, only whether one is kept) and whether passwords are still accepted.
 *
 * @param passwordSignIn whether members may sign in with a password; the bootstrap
 * administrator always may, so that a broken provider cannot lock everyone out
 */
public record SingleSignOnSettings(boolean enabled, @Nullable String issuerUrl, @Nullable String clientId,
		boolean hasClientSecret, boolean passwordSignIn, @Nullable Instant updatedAt) {

	static final SingleSignOnSettings NONE = new SingleSignOnSettings(false, null, null, false, true, null);

}
