package io.patchbay.accounts.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.SingleSignOn;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PatchbayProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's single sign-on page: the OpenID Connect provider and whether passwords
 * are still accepted. The client secret goes into a password field and never comes back
 * to the page.
 */
@PageController
@RequestMapping("/console/single-sign-on")
@PreAuthorize("hasAuthority('manage_accounts')")
class SingleSignOnConsoleController {

	static final String VIEW = "people/sso";

	private final SingleSignOn sso;

	private final String redirectUri;

	SingleSignOnConsoleController(SingleSignOn sso, PatchbayProperties properties) {
		this.sso = sso;
		this.redirectUri = properties.url("/login/oauth2/code/" + SingleSignOn.REGISTRATION);
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("settings", this.sso.settings());
		model.addAttribute("redirectUri", this.redirectUri);
		return VIEW;
	}

	@PostMapping
	ModelAndView save(Actor.Administrator administrator, @RequestParam(defaultValue = "") String issuerUrl,
			@RequestParam(defaultValue = "") String clientId,
			@RequestParam(required = false) @Nullable String clientSecret,
			@RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam(defaultValue = "false") boolean passwordSignIn, Model model, RedirectAttributes flash) {
		try {
			this.sso.configure(administrator, issuerUrl, clientId, clientSecret, enabled, passwordSignIn);
			flash.addFlashAttribute("notice", "sso.notice.saved");
			return new ModelAndView("redirect:/console/single-sign-on");
		}
		catch (InvalidInputException | AccessRefusedException ex) {
			show(model);
			ModelAndView page = new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("error", ex.getMessage());
			page.addObject("draftIssuer", issuerUrl);
			page.addObject("draftClientId", clientId);
			page.addObject("draftEnabled", enabled);
			page.addObject("draftPasswordSignIn", passwordSignIn);
			return page;
		}
	}

}
