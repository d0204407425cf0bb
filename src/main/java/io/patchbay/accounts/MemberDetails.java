package io.patchbay.accounts;

import org.jspecify.annotations.Nullable;

/**
 * The profile fields of a member to create, or the changes to make to one: {@code null}
 * leaves a field as it is (on creation: empty), an empty string clears it.
 */
public record MemberDetails(@Nullable String email, @Nullable String name, @Nullable String firstName,
		@Nullable String lastName, @Nullable String title, @Nullable String department, @Nullable String division,
		@Nullable String organization, @Nullable String primaryPhone, @Nullable String primaryAddress,
		@Nullable String locale, @Nullable Long managerId, @Nullable String externalId,
		@Nullable String employeeNumber) {

	public static MemberDetails of(String email, String name) {
		return new MemberDetails(email, name, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
