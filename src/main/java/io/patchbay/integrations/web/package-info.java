/**
 * The admin REST API and console pages of the integrations registry.
 */
@NullMarked
package io.patchbay.integrations.web;

import org.jspecify.annotations.NullMarked;
