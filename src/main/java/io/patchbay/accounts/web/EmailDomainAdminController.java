package io.patchbay.accounts.web;

import java.util.List;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.EmailDomains;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The community's email domains in the admin API: {@code GET} lists them, {@code PUT
 * {domains:[...]}} replaces the list (an empty one allows every domain).
 */
@RestController
@RequestMapping("/api/admin/email-domains")
@PreAuthorize("hasAuthority('manage_accounts')")
class EmailDomainAdminController {

	private final EmailDomains domains;

	EmailDomainAdminController(EmailDomains domains) {
		this.domains = domains;
	}

	@GetMapping
	Map<String, List<String>> list() {
		return Map.of("domains", this.domains.list());
	}

	@PutMapping
	Map<String, List<String>> replace(@AuthenticationPrincipal SignedInMember actor, @RequestBody DomainList request) {
		if (request.domains() == null) {
			throw new InvalidInputException("domains", "domains is required (a list, possibly empty)");
		}
		return Map.of("domains", this.domains.replace(Actor.administrator(actor), request.domains()));
	}

	record DomainList(@Nullable List<String> domains) {
	}

}
