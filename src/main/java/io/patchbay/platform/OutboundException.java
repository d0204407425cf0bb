package io.patchbay.platform;

/**
 * An outbound call that got no HTTP answer: refused address, DNS failure, connection
 * error or timeout. The message is fit for a delivery log or an admin.
 */
public class OutboundException extends Exception {

	public OutboundException(String message) {
		super(message, null, false, false);
	}

}
