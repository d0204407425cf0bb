/**
 * Members and administrators: who is asking ({@link io.patchbay.accounts.Actor}), their
 * permissions, sign-in and invitations.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations" })
package io.patchbay.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
