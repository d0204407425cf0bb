package io.patchbay.accounts.web;

import io.patchbay.accounts.SignedInMember;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and the landing after it: administrators go to the console, members
 * to the member app.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "sign-in";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInMember member) {
		return member.isAdministrator() ? "redirect:/console" : "redirect:/app";
	}

}
