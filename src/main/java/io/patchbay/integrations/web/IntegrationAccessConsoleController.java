package io.patchbay.integrations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Integrations;
import io.patchbay.platform.PageController;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Permissions and Security sections: what an integration may do, which groups it
 * reaches, and where its calls may come from.
 */
@PageController
@RequestMapping("/console/integrations/{id}")
@PreAuthorize("hasAuthority('manage_integrations')")
class IntegrationAccessConsoleController {

	private final Integrations integrations;

	private final IntegrationDetailPage detailPage;

	IntegrationAccessConsoleController(Integrations integrations, IntegrationDetailPage detailPage) {
		this.integrations = integrations;
		this.detailPage = detailPage;
	}

	/** Unchecked boxes are simply absent from the form, hence the empty default. */
	@PostMapping("/permissions")
	String permissions(@PathVariable long id, @RequestParam(defaultValue = "") List<String> permissions,
			@RequestParam(defaultValue = "ALL") String groupAccessMode,
			@RequestParam(defaultValue = "") String groupIds, Authentication grantor, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		this.integrations.replacePermissions(integration.id(), Set.copyOf(permissions),
				IntegrationRequests.groupAccess(groupAccessMode, groupIds),
				IntegrationRequests.managesAccounts(grantor));
		// All groups was chosen with ids typed: say that they were not kept.
		boolean idsDropped = !"LIST".equals(groupAccessMode) && !groupIds.isBlank()
				&& !groupIds.strip().equals(currentIds(integration));
		return IntegrationDetailPage.saved(flash, integration.id(), "permissions",
				idsDropped ? "notice.savedAllGroups" : "notice.saved");
	}

	private static String currentIds(Integration integration) {
		return String.join(", ", integration.groupAccess().groupIds().stream().map(String::valueOf).toList());
	}

	@PostMapping("/security")
	String security(@PathVariable long id, @RequestParam(defaultValue = "") String allowedIps,
			@RequestParam(defaultValue = "false") boolean requireAppSecretProof,
			@RequestParam(defaultValue = "false") boolean requireAppSecretTime, RedirectAttributes flash) {
		Integration integration = this.detailPage.find(id);
		List<String> addresses = Arrays.stream(allowedIps.split("\\R")).map(String::strip).toList();
		this.integrations.replaceSecurity(integration.id(), addresses, requireAppSecretProof, requireAppSecretTime);
		return IntegrationDetailPage.saved(flash, integration.id(), "security", "notice.saved");
	}

}
