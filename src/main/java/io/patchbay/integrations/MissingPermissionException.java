package io.patchbay.integrations;

import io.patchbay.platform.AccessRefusedException;

/**
 * An integration lacks the permission an operation needs. The Graph API answers it with
 * error 10 for a read and 200 for a write, naming the permission.
 */
public class MissingPermissionException extends AccessRefusedException {

	private final Permission permission;

	public MissingPermissionException(Permission permission) {
		super("Requires permission " + permission.apiName());
		this.permission = permission;
	}

	public Permission permission() {
		return this.permission;
	}

}
