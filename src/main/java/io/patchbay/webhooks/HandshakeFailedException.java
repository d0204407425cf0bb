package io.patchbay.webhooks;

/**
 * The callback did not pass the verification handshake; the subscription was not saved.
 * The message says what happened, for the administrator (the admin API answers 422 with
 * it, the console shows it). An integration subscribing itself through the Graph API gets
 * {@link #publicMessage()}: what the callback answered, if it answered, but not why it
 * could not be reached, which would tell a refused address from a closed port and map
 * what lies behind Patchbay.
 */
public class HandshakeFailedException extends RuntimeException {

	private static final String PREFIX = "The callback URL did not pass verification: ";

	private final String publicReason;

	HandshakeFailedException(String reason, String publicReason) {
		super(PREFIX + reason);
		this.publicReason = publicReason;
	}

	/** A failure that the callback's own answer shows, the same for everyone. */
	HandshakeFailedException(String reason) {
		this(reason, reason);
	}

	public String publicMessage() {
		return PREFIX + this.publicReason;
	}

}
