/**
 * Connections: the stored credentials of external services (API key, basic, bearer, OAuth
 * 2.0), encrypted at rest, and the one executor that calls those services only within
 * each connection's allowed domain.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "accounts" })
package io.patchbay.connections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
