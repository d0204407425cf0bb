package io.patchbay.accounts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.patchbay.platform.AuditEntry;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.AuditQuery;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The console's audit log page: entries newest first, filtered by actor, action and
 * dates, a page at a time, each linked to the console page of what it changed.
 */
@PageController
@PreAuthorize("hasAuthority('view_audit_log')")
class AuditConsoleController {

	static final int PAGE_SIZE = 100;

	private final AuditLog audit;

	AuditConsoleController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/console/audit")
	String audit(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		AuditQuery query = new AuditQuery(actor, action, fromDay, toDay, before);
		List<AuditEntry> entries = this.audit.search(query, PAGE_SIZE + 1);
		boolean more = entries.size() > PAGE_SIZE;
		List<Row> rows = entries.stream().limit(PAGE_SIZE).map((entry) -> new Row(entry, link(entry))).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("olderThan", more ? Long.valueOf(rows.getLast().entry().id()) : null);
		model.addAttribute("actions", this.audit.actions());
		model.addAttribute("query", query);
		model.addAttribute("badDate",
				(from != null && !from.isBlank() && fromDay == null) || (to != null && !to.isBlank() && toDay == null));
		model.addAttribute("filtered", query.actor() != null && !query.actor().isBlank()
				|| query.action() != null && !query.action().isBlank() || fromDay != null || toDay != null);
		return "audit";
	}

	/** A day from the date field; anything else is no filter (and says so). */
	private static @Nullable LocalDate day(@Nullable String text) {
		try {
			return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Where the console shows the entry's object, if it has a page. */
	static @Nullable String link(AuditEntry entry) {
		String id = entry.objectId();
		String type = entry.objectType();
		if (type == null || id == null) {
			return null;
		}
		return switch (type) {
			case "integration" -> "/console/integrations/" + id;
			case "member" -> "/console/people/" + id;
			case "connection" -> (entry.objectName() != null)
					? "/console/connections/" + UriUtils.encodePathSegment(entry.objectName(), "UTF-8") : null;
			case "oauth_client" -> "/console/connections";
			case "group" -> "/app/groups/" + id;
			case "workflow", "workflow_settings" -> "/console/workflows";
			case "community" -> "sso".equals(id) ? "/console/single-sign-on" : "/console/settings";
			default -> null;
		};
	}

	record Row(AuditEntry entry, @Nullable String link) {
	}

}
