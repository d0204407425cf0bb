package io.patchbay.platform;

/**
 * Stops the start of an install whose settings are unsafe for its mode, with a message
 * that says what to set.
 */
public class StartupRefusedException extends RuntimeException {

	public StartupRefusedException(String message) {
		super(message);
	}

}
