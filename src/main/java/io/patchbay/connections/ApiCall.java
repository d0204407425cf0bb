package io.patchbay.connections;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A call to make with a connection's credentials (a workflow step, the console's "Try a
 * call").
 *
 * @param url an https URL within the connection's allowed domain
 * @param headers the caller's headers; the credential header is set after them
 */
public record ApiCall(@Nullable String method, @Nullable String url, @Nullable Map<String, String> headers,
		@Nullable String body) {

}
