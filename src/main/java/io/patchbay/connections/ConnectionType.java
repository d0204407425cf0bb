package io.patchbay.connections;

import java.util.Arrays;
import java.util.Optional;

/** How a connection's credential travels with a call. */
public enum ConnectionType {

	/** {@code <headerName>: <apiKey>} */
	API_KEY,

	/** {@code Authorization: Basic base64(username:password)} */
	BASIC,

	/** {@code Authorization: Bearer <token>} */
	BEARER,

	/**
	 * {@code Authorization: Bearer <access token>}, the token kept fresh by its client
	 */
	OAUTH2;

	public static Optional<ConnectionType> of(String name) {
		return Arrays.stream(values()).filter((type) -> type.name().equals(name)).findFirst();
	}

}
