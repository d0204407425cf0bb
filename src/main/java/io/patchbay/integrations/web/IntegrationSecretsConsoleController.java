package io.patchbay.integrations.web;

import java.io.IOException;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationLogos;
import io.patchbay.integrations.IntegrationSecrets;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Details section's secrets and logo. A secret is shown once, in the answer to the
 * request that revealed or created it: as an htmx fragment, or through a flash attribute
 * that lives for exactly one page view when the form is submitted without JavaScript.
 */
@PageController
@RequestMapping("/console/integrations/{id}")
@PreAuthorize("hasAuthority('manage_integrations')")
class IntegrationSecretsConsoleController {

	private static final String HTMX = "HX-Request";

	private final IntegrationSecrets secrets;

	private final IntegrationLogos logos;

	private final IntegrationDetailPage detailPage;

	IntegrationSecretsConsoleController(IntegrationSecrets secrets, IntegrationLogos logos,
			IntegrationDetailPage detailPage) {
		this.secrets = secrets;
		this.logos = logos;
		this.detailPage = detailPage;
	}

	@PostMapping("/app-secret/reveal")
	String revealAppSecret(@PathVariable long id, @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
			Model model, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		return showOnce(integration, "appSecret", this.secrets.revealAppSecret(integration), "app-secret", htmx, model,
				flash);
	}

	@PostMapping("/app-secret/reset")
	String resetAppSecret(@PathVariable long id, @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
			Model model, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		return showOnce(integration, "appSecret", this.secrets.resetAppSecret(integration), "app-secret", htmx, model,
				flash);
	}

	@PostMapping("/access-token")
	String createAccessToken(@PathVariable long id, @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
			Model model, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		return showOnce(integration, "accessToken", this.secrets.createAccessToken(integration), "access-token-panel",
				htmx, model, flash);
	}

	@PostMapping("/access-token/revoke")
	String revokeAccessToken(@PathVariable long id, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		this.secrets.revokeAccessToken(integration);
		return IntegrationDetailPage.saved(flash, integration.id(), "details", "notice.tokenRevoked");
	}

	@PostMapping("/logo")
	String uploadLogo(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
			throws IOException {
		Integration integration = this.detailPage.find(id);
		this.logos.change(integration, file.getBytes());
		return IntegrationDetailPage.saved(flash, integration.id(), "details", "notice.logoChanged");
	}

	private String showOnce(Integration integration, String attribute, String secret, String fragment,
			@Nullable String htmx, Model model, RedirectAttributes flash) {
		if (htmx != null) {
			// Reloaded, since creating a token changes what the section offers next.
			this.detailPage.show(this.detailPage.find(integration.id()), model);
			model.addAttribute(attribute, secret);
			return IntegrationDetailPage.VIEW + " :: " + fragment;
		}
		flash.addFlashAttribute(attribute, secret);
		return IntegrationDetailPage.redirect(integration.id(), "details");
	}

}
