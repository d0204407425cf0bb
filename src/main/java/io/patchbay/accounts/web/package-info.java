/**
 * Sign-in, the home redirect and the audit log, as pages and as admin API.
 */
@NullMarked
package io.patchbay.accounts.web;

import org.jspecify.annotations.NullMarked;
