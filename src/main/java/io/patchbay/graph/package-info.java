/**
 * The Workplace-compatible Graph API that integrations call with their access token: the
 * gateway's checks, the error envelope, field selection, paging, and the endpoints over
 * the feature modules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations", "accounts", "community", "chat", "webhooks" })
package io.patchbay.graph;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
