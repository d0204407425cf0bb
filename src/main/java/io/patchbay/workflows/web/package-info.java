/**
 * The workflows' REST APIs for members and administrators, and the trigger endpoint.
 */
@NullMarked
package io.patchbay.workflows.web;

import org.jspecify.annotations.NullMarked;
