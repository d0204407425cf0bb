package io.patchbay.accounts.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.MemberProfile;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of a member in the admin and member APIs: ids as decimal strings.
 *
 * @param inviteUrl only in the answer that creates the invitation
 */
record MemberView(String id, @Nullable String email, String name, @Nullable String firstName, @Nullable String lastName,
		@Nullable String title, @Nullable String department, @Nullable String division, @Nullable String organization,
		@Nullable String primaryPhone, @Nullable String primaryAddress, @Nullable String locale,
		@Nullable String managerId, @Nullable String externalId, @Nullable String employeeNumber, boolean active,
		List<String> adminPermissions, @Nullable Instant invitedAt, @Nullable Instant claimedAt, Instant createdAt,
		Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String inviteUrl) {

	static MemberView of(MemberProfile member) {
		return of(member, null);
	}

	static MemberView of(MemberProfile member, @Nullable String inviteUrl) {
		return new MemberView(String.valueOf(member.id()), member.email(), member.name(), member.firstName(),
				member.lastName(), member.title(), member.department(), member.division(), member.organization(),
				member.primaryPhone(), member.primaryAddress(), member.locale(),
				(member.managerId() != null) ? String.valueOf(member.managerId()) : null, member.externalId(),
				member.employeeNumber(), member.active(),
				member.permissions().stream().map(AdminPermission::authority).sorted().toList(), member.invitedAt(),
				member.claimedAt(), member.createdAt(), member.updatedAt(), inviteUrl);
	}

}
