package io.patchbay.integrations;

/**
 * An integration's logo as served to members.
 */
public record Logo(String contentType, byte[] content) {

}
