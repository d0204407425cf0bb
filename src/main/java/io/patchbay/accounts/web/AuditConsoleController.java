package io.patchbay.accounts.web;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.PageController;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's audit log page: the latest entries, newest first.
 */
@PageController
@PreAuthorize("hasAuthority('view_audit_log')")
class AuditConsoleController {

	private static final int PAGE_SIZE = 200;

	private final AuditLog audit;

	AuditConsoleController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/console/audit")
	String audit(Model model) {
		model.addAttribute("entries", this.audit.latest(PAGE_SIZE));
		return "audit";
	}

}
