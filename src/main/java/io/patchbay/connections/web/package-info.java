/**
 * The admin REST API of connections.
 */
@NullMarked
package io.patchbay.connections.web;

import org.jspecify.annotations.NullMarked;
