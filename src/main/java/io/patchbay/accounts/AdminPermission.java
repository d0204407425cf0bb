package io.patchbay.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an administrator may do in the console and the admin API. The name is also the
 * Spring Security authority, so
 * {@code @PreAuthorize("hasAuthority('manage_integrations')")} reads as the spec does.
 */
public enum AdminPermission {

	MANAGE_INTEGRATIONS, MANAGE_CONNECTIONS, MANAGE_ACCOUNTS, MANAGE_WORKFLOWS, VIEW_AUDIT_LOG;

	public String authority() {
		return name().toLowerCase();
	}

	public static Optional<AdminPermission> of(String name) {
		return Arrays.stream(values()).filter((permission) -> permission.authority().equals(name)).findFirst();
	}

}
