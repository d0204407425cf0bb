package io.patchbay.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A member as the admin API, the member app and the Graph API show them; never carries
 * the password hash or an invitation token.
 *
 * @param invitedAt when the latest invitation link was made
 * @param claimedAt when the member first set a password
 */
public record MemberProfile(long id, @Nullable String email, String name, @Nullable String firstName,
		@Nullable String lastName, @Nullable String title, @Nullable String department, @Nullable String division,
		@Nullable String organization, @Nullable String primaryPhone, @Nullable String primaryAddress,
		@Nullable String locale, @Nullable Long managerId, @Nullable String externalId, @Nullable String employeeNumber,
		boolean active, Set<AdminPermission> permissions, @Nullable Instant invitedAt, @Nullable Instant claimedAt,
		Instant createdAt, Instant updatedAt) {

	public MemberProfile {
		permissions = Set.copyOf(permissions);
	}

	public MemberState state() {
		if (!this.active) {
			return MemberState.DEACTIVATED;
		}
		return (this.claimedAt != null) ? MemberState.ACTIVE : MemberState.INVITED;
	}

	public boolean isAdministrator() {
		return !this.permissions.isEmpty();
	}

	/**
	 * The first letters of the first and last words of the name, which stand in for a
	 * photo wherever people are listed.
	 */
	public String initials() {
		String[] words = this.name.strip().split("\\s+");
		String first = words[0];
		String last = (words.length > 1) ? words[words.length - 1] : "";
		return (initial(first) + initial(last)).toUpperCase(Locale.ROOT);
	}

	private static String initial(String word) {
		return word.isEmpty() ? "" : word.substring(0, word.offsetByCodePoints(0, 1));
	}

	/** Whether the member has set a password (through an invitation or in dev mode). */
	public boolean claimed() {
		return this.claimedAt != null;
	}

	MemberProfile withPermissions(Set<AdminPermission> current) {
		return new MemberProfile(this.id, this.email, this.name, this.firstName, this.lastName, this.title,
				this.department, this.division, this.organization, this.primaryPhone, this.primaryAddress, this.locale,
				this.managerId, this.externalId, this.employeeNumber, this.active, current, this.invitedAt,
				this.claimedAt, this.createdAt, this.updatedAt);
	}

}
