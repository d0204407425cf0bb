package io.patchbay.accounts.web;

import java.util.List;
import java.util.Map;

import io.patchbay.platform.AuditEntry;
import io.patchbay.platform.AuditLog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/audit}: who did what to which object, when, from which address.
 */
@RestController
@PreAuthorize("hasAuthority('view_audit_log')")
class AuditAdminController {

	private final AuditLog audit;

	AuditAdminController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/admin/audit")
	Map<String, List<AuditEntry>> audit(@RequestParam(defaultValue = "100") int limit) {
		return Map.of("data", this.audit.latest(limit));
	}

}
