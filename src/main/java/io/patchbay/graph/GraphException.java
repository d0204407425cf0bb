package io.patchbay.graph;

import io.patchbay.integrations.Permission;
import org.jspecify.annotations.Nullable;

/**
 * A Graph API error as Workplace answered it: HTTP status, {@code type}, {@code code} and
 * optional {@code error_subcode}, rendered in the error envelope by {@link GraphErrors}.
 */
class GraphException extends RuntimeException {

	static final String OAUTH = "OAuthException";

	static final String METHOD = "GraphMethodException";

	private final int status;

	private final String type;

	private final int code;

	private final @Nullable Integer subcode;

	GraphException(int status, String type, int code, @Nullable Integer subcode, String message) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.code = code;
		this.subcode = subcode;
	}

	static GraphException invalidParameter(String message) {
		return new GraphException(400, OAUTH, 100, null, message);
	}

	static GraphException unknownObject(String id, String method) {
		return new GraphException(400, METHOD, 100, 33,
				"Unsupported " + method.toLowerCase(java.util.Locale.ROOT) + " request. Object with ID '" + id
						+ "' does not exist, cannot be loaded due to missing permissions, "
						+ "or does not support this operation.");
	}

	static GraphException missingPermission(Permission permission, boolean write) {
		int code = write ? 200 : 10;
		return new GraphException(403, OAUTH, code, null,
				"(#" + code + ") Requires permission " + permission.apiName());
	}

	static GraphException unknownField(String field, String nodeType) {
		return new GraphException(400, OAUTH, 100, null,
				"(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
	}

	int status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	int code() {
		return this.code;
	}

	@Nullable Integer subcode() {
		return this.subcode;
	}

}
