package io.patchbay.webhooks;

/**
 * The callback did not pass the verification handshake; the subscription was not saved.
 * The admin API answers 422 with this reason.
 */
public class HandshakeFailedException extends RuntimeException {

	public HandshakeFailedException(String reason) {
		super("The callback URL did not pass verification: " + reason);
	}

}
