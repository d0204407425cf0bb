package io.patchbay.integrations.web;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationUsage;
import io.patchbay.integrations.Integrations;
import io.patchbay.integrations.Permission;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's integration page, shared by the controllers that handle its sections: how
 * an id in the URL becomes an integration, what the page shows and where each section's
 * form returns to.
 */
@Component
class IntegrationDetailPage {

	static final String VIEW = "integrations/detail";

	private final Integrations integrations;

	private final IntegrationUsage usage;

	IntegrationDetailPage(Integrations integrations, IntegrationUsage usage) {
		this.integrations = integrations;
		this.usage = usage;
	}

	/** The integration the URL names. */
	Integration find(long id) {
		return this.integrations.find(id);
	}

	/** Fills the model for the whole page, or for one of its fragments. */
	String show(Integration integration, Model model) {
		model.addAttribute("integration", integration);
		model.addAttribute("usage", this.usage.usage(integration.id()));
		model.addAttribute("allPermissions", Permission.values());
		model.addAttribute("dormant",
				!integration.enabled() && Integration.DORMANT.equals(integration.disabledReason()));
		// Edited as text: one address or block per line, group ids separated by commas.
		model.addAttribute("allowedIpsText", String.join("\n", integration.security().allowedIps()));
		model.addAttribute("groupIdsText",
				String.join(", ", integration.groupAccess().groupIds().stream().map(String::valueOf).toList()));
		return VIEW;
	}

	/**
	 * Back to the page after a change, scrolled to the section, which shows the notice
	 * itself: at the top of the page it would be out of view.
	 */
	static String saved(RedirectAttributes flash, long integrationId, String section, String notice) {
		flash.addFlashAttribute("notice", notice);
		flash.addFlashAttribute("noticeSection", section);
		return redirect(integrationId, section);
	}

	/** Back to the page after a change, scrolled to the section the form belongs to. */
	static String redirect(long integrationId, String section) {
		return "redirect:/console/integrations/" + integrationId + "#" + section;
	}

}
