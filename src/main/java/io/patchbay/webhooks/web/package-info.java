/**
 * The admin API and console pages of webhook subscriptions and the delivery log.
 */
@NullMarked
package io.patchbay.webhooks.web;

import org.jspecify.annotations.NullMarked;
