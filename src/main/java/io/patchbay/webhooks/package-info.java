/**
 * Webhook subscriptions with their verification handshake, the transactional outbox of
 * events, and the delivery engine that signs, sends, retries and logs them.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations", "accounts", "community", "chat" })
package io.patchbay.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
