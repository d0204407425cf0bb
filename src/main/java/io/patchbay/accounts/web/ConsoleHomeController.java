package io.patchbay.accounts.web;

import io.patchbay.platform.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console}: the integrations page is the console's first and main page.
 */
@PageController
class ConsoleHomeController {

	@GetMapping("/console")
	String console() {
		return "redirect:/console/integrations";
	}

}
