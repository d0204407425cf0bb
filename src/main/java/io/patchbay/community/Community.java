package io.patchbay.community;

/**
 * The one community of this install.
 */
public record Community(long id, String name) {

}
