package io.patchbay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One outbound HTTP call (a webhook POST, a handshake GET, a connection's API call).
 *
 * @param timeout the whole call's deadline, from connecting to the last byte read
 * @param maxBodyBytes how much of the answer's body is read; the rest is cut off
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte @Nullable [] body,
		Duration timeout, int maxBodyBytes) {

	/** A call whose answer matters only by its status and a short excerpt. */
	public OutboundRequest(String method, URI uri, Map<String, String> headers, byte @Nullable [] body,
			Duration timeout) {
		this(method, uri, headers, body, timeout, OutboundHttp.EXCERPT_BYTES);
	}

}
