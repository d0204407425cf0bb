package io.patchbay.platform;

/**
 * An id that names nothing the caller may see (404).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String kind, String id) {
		super(kind + " '" + id + "' does not exist");
	}

}
