package io.patchbay.connections;

/**
 * A call that left Patchbay but got no answer (refused, timed out, TLS failed), said in
 * words; it never carries the credentials.
 */
public class ApiCallFailedException extends RuntimeException {

	public ApiCallFailedException(String message) {
		super(message);
	}

}
