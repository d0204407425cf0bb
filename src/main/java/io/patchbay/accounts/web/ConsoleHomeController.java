package io.patchbay.accounts.web;

import java.util.List;
import java.util.Map;

import io.patchbay.platform.PageController;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console}: the first of the console's places the administrator may open, in the
 * navigation's order (integrations for most); the settings page for the others.
 */
@PageController
class ConsoleHomeController {

	private static final List<Map.Entry<String, String>> PLACES = List.of(
			Map.entry("manage_integrations", "/console/integrations"), Map.entry("manage_accounts", "/console/people"),
			Map.entry("manage_connections", "/console/connections"),
			Map.entry("manage_workflows", "/console/workflows"), Map.entry("view_audit_log", "/console/audit"));

	@GetMapping("/console")
	String console(Authentication authentication) {
		List<String> held = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return PLACES.stream()
			.filter((place) -> held.contains(place.getKey()))
			.findFirst()
			.map((place) -> "redirect:" + place.getValue())
			.orElse("redirect:/console/settings");
	}

}
