/**
 * Members and administrators: their permissions, sign-in, and the audit log of every
 * administrative change.
 */
@NullMarked
package io.patchbay.accounts;

import org.jspecify.annotations.NullMarked;
