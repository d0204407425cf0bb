package io.patchbay.connections;

/** Whether an OAUTH2 connection's tokens still work. */
public enum TokenStatus {

	ACTIVE,

	/**
	 * The refresh keeps failing or the grant was revoked: an administrator reconnects.
	 */
	NEEDS_REAUTHORIZATION

}
