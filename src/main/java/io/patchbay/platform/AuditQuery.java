package io.patchbay.platform;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What the audit log is filtered by; every part is optional.
 *
 * @param actor a fragment of the actor's name or email
 * @param action an action code ({@code integration.created}), or its object part
 * ({@code integration}) for all of its actions
 * @param from the first day (UTC) shown
 * @param to the last day (UTC) shown
 * @param before the id of the last entry of the previous page: older ones follow
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable Long before) {

	public static AuditQuery latest() {
		return new AuditQuery(null, null, null, null, null);
	}

	public AuditQuery olderThan(long id) {
		return new AuditQuery(this.actor, this.action, this.from, this.to, id);
	}

}
