package io.patchbay.accounts.web;

import io.patchbay.accounts.SignInProperties;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.platform.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and the landing after it: administrators go to the console, members
 * to the member app.
 */
@PageController
class SignInController {

	private final SignInProperties properties;

	SignInController(SignInProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String signIn(Model model) {
		model.addAttribute("waitMinutes", this.properties.waitMinutes());
		return "sign-in";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInMember member) {
		return member.isAdministrator() ? "redirect:/console" : "redirect:/app";
	}

}
