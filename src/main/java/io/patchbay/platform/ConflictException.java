package io.patchbay.platform;

/**
 * A change that collides with existing state, such as a duplicate name (409).
 */
public class ConflictException extends RuntimeException {

	private final String field;

	public ConflictException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
