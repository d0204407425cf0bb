/**
 * SCIM 2.0 (RFC 7643, RFC 7644) for identity providers: users are the accounts module's
 * members, groups the community's groups; an adapter that only translates.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations", "accounts", "community" })
package io.patchbay.scim;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
