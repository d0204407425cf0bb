package io.patchbay.platform;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What came back: the status, the headers that matter to callers, and at most the first
 * bytes of the body (a receiver may answer with anything, of any size).
 */
public record OutboundResponse(int status, Map<String, String> headers, String bodyExcerpt, Duration latency) {

	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
	}

	public boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

}
