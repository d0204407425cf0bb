package io.patchbay.accounts.web;

import io.patchbay.accounts.SingleSignOn;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PatchbayProperties;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's settings page: how this install is set up (its public URL and mode, which
 * come from its environment and are shown, not edited) and how people sign in, with the
 * way to the single sign-on settings for those who manage accounts.
 */
@PageController
@PreAuthorize("hasAnyAuthority('manage_integrations','manage_accounts','manage_connections','manage_workflows','view_audit_log')")
class SettingsConsoleController {

	private final PatchbayProperties properties;

	private final SingleSignOn sso;

	SettingsConsoleController(PatchbayProperties properties, SingleSignOn sso) {
		this.properties = properties;
		this.sso = sso;
	}

	@GetMapping("/console/settings")
	String settings(Model model) {
		model.addAttribute("baseUrl", this.properties.url("/"));
		model.addAttribute("production", this.properties.production());
		model.addAttribute("sso", this.sso.settings());
		return "settings";
	}

}
