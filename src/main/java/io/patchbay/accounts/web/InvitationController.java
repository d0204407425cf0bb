package io.patchbay.accounts.web;

import io.patchbay.accounts.Invitations;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation link's page: the invited member sets a password and is signed in.
 */
@PageController
class InvitationController {

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final Invitations invitations;

	private final AuthenticationManager authenticationManager;

	private final AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> signInDetails;

	InvitationController(Invitations invitations, AuthenticationManager authenticationManager,
			AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> signInDetails) {
		this.invitations = invitations;
		this.authenticationManager = authenticationManager;
		this.signInDetails = signInDetails;
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return this.invitations.find(token).map((member) -> {
			model.addAttribute("member", member);
			model.addAttribute("token", token);
			return "invitation";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "invitation-expired";
		});
	}

	@PostMapping("/invitations/{token}")
	String claim(@PathVariable String token, @RequestParam String password, @RequestParam String confirmation,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		MemberProfile invited = this.invitations.find(token).orElse(null);
		if (invited == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "invitation-expired";
		}
		try {
			if (!password.equals(confirmation)) {
				throw new InvalidInputException("confirmation", "mismatch");
			}
			MemberProfile member = this.invitations.claim(token, password);
			try {
				signIn(member, password, request, response);
			}
			catch (AuthenticationException ex) {
				// The password is set, but this address may not sign in just now.
				return "redirect:/login?throttled";
			}
			return "redirect:/";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("member", invited);
			model.addAttribute("token", token);
			model.addAttribute("error", "confirmation".equals(ex.field()) ? null : ex.getMessage());
			model.addAttribute("mismatch", "confirmation".equals(ex.field()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "invitation";
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "invitation-expired";
		}
	}

	/**
	 * Signs the member in as the sign-in form would (throttled by the same client
	 * address), in a fresh session.
	 */
	private void signIn(MemberProfile member, String password, HttpServletRequest request,
			HttpServletResponse response) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(member.email(), password);
		attempt.setDetails(this.signInDetails.buildDetails(request));
		Authentication authentication = this.authenticationManager.authenticate(attempt);
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
		request.getSession(true);
		request.changeSessionId();
		this.sessions.saveContext(context, request, response);
	}

}
