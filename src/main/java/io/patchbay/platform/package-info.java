/**
 * Shared infrastructure every module stands on: ids, secrets at rest, run mode, clock and
 * the rendering of errors.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.patchbay.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
