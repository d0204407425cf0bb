/**
 * The community: its groups and their members, posts with mentions, comments and replies,
 * and likes, written by members or by integrations' pages.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations", "accounts" })
package io.patchbay.community;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
