package io.patchbay.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What came back: the status, the headers that matter to callers, and at most the
 * request's {@code maxBodyBytes} of the body (a receiver may answer with anything, of any
 * size).
 *
 * @param truncated whether the body went on past what was read
 */
public record OutboundResponse(int status, Map<String, String> headers, String bodyExcerpt, Duration latency,
		boolean truncated) {

	public OutboundResponse(int status, Map<String, String> headers, String bodyExcerpt, Duration latency) {
		this(status, headers, bodyExcerpt, latency, false);
	}

	public @Nullable String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

	public boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

}
