package io.patchbay.connections.web;

import io.patchbay.accounts.Actor;
import io.patchbay.connections.Connection;
import io.patchbay.connections.OAuthConnections;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the provider sends the administrator back ({@code /oauth/callback}): a page that
 * says whether the connection now exists. It needs the administrator's console session,
 * besides the flow's single-use {@code state}.
 */
@Controller
class OAuthCallbackController {

	private final OAuthConnections connections;

	OAuthCallbackController(OAuthConnections connections) {
		this.connections = connections;
	}

	@GetMapping("/oauth/callback")
	String callback(Actor.Administrator administrator, @RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable String error, Model model, HttpServletResponse response) {
		try {
			Connection connection = this.connections.complete(administrator, code, state, error);
			model.addAttribute("connection", connection.name());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
		}
		catch (AccessRefusedException ex) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("problem", ex.getMessage());
		}
		return "connections/callback";
	}

}
