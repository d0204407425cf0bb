package io.patchbay.accounts.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.PersonalAccessToken;
import io.patchbay.accounts.PersonalAccessTokens;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member app's page of personal access tokens: make one (shown once, with a copy
 * button), see when each was last used, revoke.
 */
@PageController
@RequestMapping("/app/tokens")
class PersonalTokenPageController {

	static final String VIEW = "app/tokens";

	private final PersonalAccessTokens tokens;

	PersonalTokenPageController(PersonalAccessTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(Actor.Member member, Model model) {
		model.addAttribute("tokens", this.tokens.list(member));
		return VIEW;
	}

	@PostMapping
	ModelAndView create(Actor.Member member, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes flash) {
		try {
			PersonalAccessToken created = this.tokens.create(member, name);
			flash.addFlashAttribute("created", created);
			return new ModelAndView("redirect:/app/tokens");
		}
		catch (InvalidInputException | ConflictException ex) {
			list(member, model);
			ModelAndView page = new ModelAndView(VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
			page.addObject("error", ex.getMessage());
			page.addObject("draftName", name);
			return page;
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(Actor.Member member, @PathVariable long id, RedirectAttributes flash) {
		this.tokens.revoke(member, id);
		flash.addFlashAttribute("notice", "tokens.notice.revoked");
		return "redirect:/app/tokens";
	}

}
