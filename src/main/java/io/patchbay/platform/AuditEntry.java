package io.patchbay.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log: who did what to which object, when and from where.
 */
public record AuditEntry(String id, Instant occurredAt, @Nullable String actorId, String actorName, String action,
		@Nullable String objectType, @Nullable String objectId, @Nullable String objectName, @Nullable String details,
		@Nullable String ip) {

}
