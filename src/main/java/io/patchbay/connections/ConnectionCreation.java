package io.patchbay.connections;

import org.jspecify.annotations.Nullable;

/**
 * What creating (or reconnecting) a connection gave: the connection, or, for the
 * authorization code grant, the provider's page to send the administrator to; the
 * connection then exists once the callback succeeds.
 */
public record ConnectionCreation(@Nullable Connection connection, @Nullable String authorizeUrl) {

}
