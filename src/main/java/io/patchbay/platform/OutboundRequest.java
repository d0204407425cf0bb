package io.patchbay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One outbound HTTP call (a webhook POST, a handshake GET, a connection's API call).
 *
 * @param timeout the whole call's deadline, from connecting to the last byte read
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte @Nullable [] body,
		Duration timeout) {

}
