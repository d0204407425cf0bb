/**
 * The registry of custom integrations and bots: app id and secret, access tokens,
 * permissions, security settings, usage figures, dormancy and deletion.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform" })
package io.patchbay.integrations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
