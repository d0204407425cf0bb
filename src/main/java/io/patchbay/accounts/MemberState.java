package io.patchbay.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an account is in its lifecycle: invited (created, never signed in: its invitation
 * link, or single sign-on, is still to be used), active (signed in at least once),
 * deactivated (cannot sign in; its content stays).
 */
public enum MemberState {

	INVITED, ACTIVE, DEACTIVATED;

	/** {@code invited}, {@code active} or {@code deactivated}, as filters write it. */
	public static Optional<MemberState> of(String name) {
		try {
			return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
