package io.patchbay.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console}: the integrations page is the console's first and main page.
 */
@Controller
class ConsoleHomeController {

	@GetMapping("/console")
	String console() {
		return "redirect:/console/integrations";
	}

}
