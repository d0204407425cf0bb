package io.patchbay.accounts;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Checks and normalises profile fields, naming the offending field, and applies a change
 * set to the current values.
 */
final class ProfileRules {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*");

	private ProfileRules() {
	}

	/** The full, checked details of a new member. */
	static MemberDetails forNew(MemberDetails details) {
		return check(
				new MemberDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null),
				details);
	}

	/** The current details with the changes applied, checked. */
	static MemberDetails apply(MemberProfile current, MemberDetails changes) {
		MemberDetails base = new MemberDetails(current.email(), current.name(), current.firstName(), current.lastName(),
				current.title(), current.department(), current.division(), current.organization(),
				current.primaryPhone(), current.primaryAddress(), current.locale(), current.managerId(),
				current.externalId(), current.employeeNumber());
		return check(base, changes);
	}

	/** The names of the fields whose value differs. */
	static Set<String> changedFields(MemberProfile current, MemberDetails next) {
		MemberDetails before = apply(current,
				new MemberDetails(null, null, null, null, null, null, null, null, null, null, null, null, null, null));
		Set<String> changed = new LinkedHashSet<>();
		for (RecordComponent component : MemberDetails.class.getRecordComponents()) {
			try {
				if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(next))) {
					changed.add(component.getName());
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return changed;
	}

	private static MemberDetails check(MemberDetails base, MemberDetails changes) {
		String email = text(pick(changes.email(), base.email()), "email", 320);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new InvalidInputException("email", "email must be an email address");
		}
		String externalId = text(pick(changes.externalId(), base.externalId()), "externalId", 200);
		if (email == null && externalId == null) {
			throw new InvalidInputException("email", "email is required (or externalId for an account without one)");
		}
		String name = text(pick(changes.name(), base.name()), "name", 200);
		if (name == null) {
			throw new InvalidInputException("name", "name is required");
		}
		String locale = text(pick(changes.locale(), base.locale()), "locale", 20);
		if (locale != null && !LOCALE.matcher(locale).matches()) {
			throw new InvalidInputException("locale", "locale must look like en_US or fr");
		}
		Long managerId = (changes.managerId() != null) ? changes.managerId() : base.managerId();
		if (managerId != null && managerId <= 0) {
			managerId = null;
		}
		return new MemberDetails(email, name, text(pick(changes.firstName(), base.firstName()), "firstName", 200),
				text(pick(changes.lastName(), base.lastName()), "lastName", 200),
				text(pick(changes.title(), base.title()), "title", 200),
				text(pick(changes.department(), base.department()), "department", 200),
				text(pick(changes.division(), base.division()), "division", 200),
				text(pick(changes.organization(), base.organization()), "organization", 200),
				text(pick(changes.primaryPhone(), base.primaryPhone()), "primaryPhone", 50),
				text(pick(changes.primaryAddress(), base.primaryAddress()), "primaryAddress", 500), locale, managerId,
				externalId, text(pick(changes.employeeNumber(), base.employeeNumber()), "employeeNumber", 100));
	}

	private static @Nullable String pick(@Nullable String change, @Nullable String current) {
		return (change != null) ? change : current;
	}

	/** Strips the value; an empty one means "none". */
	private static @Nullable String text(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			throw new InvalidInputException(field, field + " must be at most " + max + " characters");
		}
		return stripped;
	}

}
