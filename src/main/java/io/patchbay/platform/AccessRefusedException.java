package io.patchbay.platform;

/**
 * The caller may see the object but not do this to it, such as deleting someone else's
 * post (403). A caller that may not even see the object gets {@link NotFoundException}
 * instead, so that its existence does not leak.
 */
public class AccessRefusedException extends RuntimeException {

	public AccessRefusedException(String message) {
		super(message);
	}

}
