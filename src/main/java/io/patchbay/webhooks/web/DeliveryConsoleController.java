package io.patchbay.webhooks.web;

import java.util.List;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Integrations;
import io.patchbay.webhooks.Deliveries;
import io.patchbay.webhooks.Delivery;
import io.patchbay.webhooks.DeliveryStatus;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's delivery log: an integration's deliveries by status, one delivery with
 * its payload and attempts, and manual redelivery.
 */
@PageController
@PreAuthorize("hasAuthority('manage_integrations')")
class DeliveryConsoleController {

	/**
	 * The newest deliveries are what an administrator looks for; older ones are in the
	 * API.
	 */
	private static final int LOG_SIZE = 100;

	private static final List<DeliveryStatus> FILTERS = List.of(DeliveryStatus.PENDING, DeliveryStatus.SUCCEEDED,
			DeliveryStatus.FAILED);

	private final Deliveries deliveries;

	private final Integrations integrations;

	private final WebhookSection section;

	private final JsonMapper json;

	DeliveryConsoleController(Deliveries deliveries, Integrations integrations, WebhookSection section,
			JsonMapper json) {
		this.deliveries = deliveries;
		this.integrations = integrations;
		this.section = section;
		this.json = json;
	}

	/** An unknown status shows every delivery, as the "all" tab does. */
	@GetMapping("/console/integrations/{id}/deliveries")
	String log(@PathVariable long id, @RequestParam(defaultValue = "") String status, Model model) {
		Integration integration = this.section.find(id);
		DeliveryStatus filter = DeliveryStatus.of(status).orElse(null);
		model.addAttribute("integration", integration);
		model.addAttribute("filters", FILTERS);
		model.addAttribute("filter", filter);
		model.addAttribute("deliveries", this.deliveries.of(integration.id(), filter, LOG_SIZE));
		return "webhooks/deliveries";
	}

	/** While the delivery is pending, the page polls its state with htmx. */
	@GetMapping("/console/deliveries/{deliveryId}")
	String delivery(@PathVariable long deliveryId,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		Delivery delivery = this.deliveries.find(deliveryId);
		model.addAttribute("delivery", delivery);
		if (htmx != null) {
			return "webhooks/delivery :: state";
		}
		model.addAttribute("integration", this.integrations.find(delivery.integrationId()));
		model.addAttribute("payload", pretty(delivery.payload()));
		return "webhooks/delivery";
	}

	@PostMapping("/console/deliveries/{deliveryId}/redeliver")
	String redeliver(@PathVariable long deliveryId, RedirectAttributes flash) {
		Delivery delivery = this.deliveries.redeliver(deliveryId);
		flash.addFlashAttribute("notice", "delivery.notice.redelivered");
		return "redirect:/console/deliveries/" + delivery.id();
	}

	/** The payload as sent, indented for reading; shown raw if it is somehow not JSON. */
	private @Nullable String pretty(@Nullable String payload) {
		if (payload == null) {
			return null;
		}
		try {
			return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.json.readTree(payload));
		}
		catch (JacksonException ex) {
			return payload;
		}
	}

}
