package io.patchbay.platform;

/**
 * Input that breaks a rule of the spec; every API answers it with a 400 naming the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
