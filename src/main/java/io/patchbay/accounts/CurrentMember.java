package io.patchbay.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in member behind the current change, for events and audit entries.
 */
final class CurrentMember {

	private CurrentMember() {
	}

	static @Nullable Long id() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof SignedInMember member) ? member.id()
				: null;
	}

}
