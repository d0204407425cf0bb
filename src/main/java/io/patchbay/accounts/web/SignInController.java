package io.patchbay.accounts.web;

import io.patchbay.accounts.FailedSignIn;
import io.patchbay.accounts.SignInProperties;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.accounts.SingleSignOn;
import io.patchbay.accounts.SingleSignOnSettings;
import io.patchbay.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;

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

	private final SingleSignOn sso;

	SignInController(SignInProperties properties, SingleSignOn sso) {
		this.properties = properties;
		this.sso = sso;
	}

	@GetMapping("/login")
	String signIn(HttpServletRequest request, Model model) {
		model.addAttribute("email", FailedSignIn.takeEmail(request.getSession(false)));
		model.addAttribute("waitMinutes", this.properties.waitMinutes());
		SingleSignOnSettings settings = this.sso.settings();
		model.addAttribute("ssoEnabled", settings.enabled());
		model.addAttribute("passwordSignIn", settings.passwordSignIn());
		return "sign-in";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal SignedInMember member) {
		return member.isAdministrator() ? "redirect:/console" : "redirect:/app";
	}

}
