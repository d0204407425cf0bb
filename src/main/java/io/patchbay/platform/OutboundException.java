package io.patchbay.platform;

import java.util.Locale;

/**
 * An outbound call that got no HTTP answer, or a URL that is never called. The reason
 * says what happened in words fit for a delivery log or an administrator ("connection
 * refused", "timed out after 10 s"), never an exception's name; {@link #failure()} tells
 * the kinds apart for callers that must not show them to just anyone.
 */
public class OutboundException extends Exception {

	/** What kept the call from getting an answer. */
	public enum Failure {

		/** The URL is not one Patchbay calls (scheme, mode). */
		URL_NOT_ALLOWED,
		/** Every address of the host is one Patchbay may not call. */
		ADDRESS_NOT_ALLOWED,
		/** The host name does not resolve. */
		UNKNOWN_HOST,
		/** Nothing listens at the address and port. */
		CONNECTION_REFUSED,
		/** No answer within the deadline. */
		TIMED_OUT,
		/** The TLS handshake failed (certificate, protocol). */
		TLS,
		/** Any other network failure. */
		NETWORK

	}

	private final Failure failure;

	private final String reason;

	public OutboundException(Failure failure, String reason) {
		super(reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1), null, false, false);
		this.failure = failure;
		this.reason = reason;
	}

	public Failure failure() {
		return this.failure;
	}

	/** The reason as part of a sentence: "connection refused". */
	public String reason() {
		return this.reason;
	}

}
