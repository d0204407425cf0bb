package io.patchbay.platform;

/**
 * How strictly Patchbay guards itself: {@code dev} favours trying things out,
 * {@code production} refuses unsafe settings.
 */
public enum Mode {

	DEV, PRODUCTION

}
