package io.patchbay.accounts.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.MemberDetails;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The members admin API's request bodies, read into the accounts types with errors that
 * name the field.
 */
final class MemberRequests {

	private MemberRequests() {
	}

	record Create(@Nullable String email, @Nullable String name, @Nullable String firstName, @Nullable String lastName,
			@Nullable String title, @Nullable String department, @Nullable String division,
			@Nullable String organization, @Nullable String primaryPhone, @Nullable String primaryAddress,
			@Nullable String locale, @Nullable String managerId, @Nullable String externalId,
			@Nullable String employeeNumber, @Nullable String password) {

		MemberDetails details() {
			if (this.email == null && this.externalId == null) {
				throw new InvalidInputException("email", "email is required");
			}
			if (this.name == null) {
				throw new InvalidInputException("name", "name is required");
			}
			return new MemberDetails(this.email, this.name, this.firstName, this.lastName, this.title, this.department,
					this.division, this.organization, this.primaryPhone, this.primaryAddress, this.locale,
					parseManagerId(this.managerId), this.externalId, this.employeeNumber);
		}

	}

	record Edit(@Nullable String email, @Nullable String name, @Nullable String firstName, @Nullable String lastName,
			@Nullable String title, @Nullable String department, @Nullable String division,
			@Nullable String organization, @Nullable String primaryPhone, @Nullable String primaryAddress,
			@Nullable String locale, @Nullable String managerId, @Nullable String externalId,
			@Nullable String employeeNumber) {

		MemberDetails changes() {
			if (this.name != null && this.name.isBlank()) {
				throw new InvalidInputException("name", "name must not be empty");
			}
			Long manager = (this.managerId == null) ? null
					: this.managerId.isEmpty() ? 0L : parseManagerId(this.managerId);
			return new MemberDetails(this.email, this.name, this.firstName, this.lastName, this.title, this.department,
					this.division, this.organization, this.primaryPhone, this.primaryAddress, this.locale, manager,
					this.externalId, this.employeeNumber);
		}

	}

	record Permissions(@Nullable List<String> permissions) {

		Set<AdminPermission> read() {
			if (this.permissions == null) {
				throw new InvalidInputException("permissions", "permissions is required (a list, possibly empty)");
			}
			Set<AdminPermission> read = EnumSet.noneOf(AdminPermission.class);
			for (String name : this.permissions) {
				read.add(AdminPermission.of(name)
					.orElseThrow(() -> new InvalidInputException("permissions", "Unknown permission '" + name + "'")));
			}
			return read;
		}

	}

	private static @Nullable Long parseManagerId(@Nullable String id) {
		if (id == null) {
			return null;
		}
		long parsed = Ids.parse(id);
		if (parsed <= 0) {
			throw new InvalidInputException("managerId", "managerId must be a member id");
		}
		return parsed;
	}

}
