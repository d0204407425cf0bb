/**
 * Workflows: automations started by a webhook, whose steps post into chat channels,
 * message members, post in groups and call external APIs through connections, run from a
 * durable queue in the database.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "accounts", "chat", "community", "connections" })
package io.patchbay.workflows;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
