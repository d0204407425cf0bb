package io.patchbay.platform;

/**
 * A signed-in principal that the audit log records by id as well as by name (a member);
 * other principals are recorded by their name only.
 */
public interface AuditedPrincipal {

	long auditId();

	String auditName();

}
