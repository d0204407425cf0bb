package io.patchbay.connections.web;

import io.patchbay.accounts.Actor;
import io.patchbay.connections.ApiCallFailedException;
import io.patchbay.connections.ConnectionCreation;
import io.patchbay.connections.Connections;
import io.patchbay.connections.Credentials;
import io.patchbay.connections.NewConnection;
import io.patchbay.connections.NewOAuthClient;
import io.patchbay.connections.OAuthClients;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Connections page (seed 003): the connections and the OAuth clients, and
 * creating either. Secrets are typed into password fields and never sent back to a page.
 */
@PageController
@RequestMapping("/console/connections")
@PreAuthorize("hasAuthority('manage_connections')")
class ConnectionConsoleController {

	static final String LIST_VIEW = "connections/list";

	private final Connections connections;

	private final OAuthClients clients;

	ConnectionConsoleController(Connections connections, OAuthClients clients) {
		this.connections = connections;
		this.clients = clients;
	}

	@GetMapping
	String list(Actor.Administrator administrator, @RequestParam(required = false) @Nullable String query,
			Model model) {
		model.addAttribute("connections", this.connections.search(administrator, query));
		model.addAttribute("query", (query != null) ? query.strip() : "");
		model.addAttribute("clients", this.clients.all(administrator));
		model.addAttribute("callbackUrl", this.clients.callbackUrl());
		return LIST_VIEW;
	}

	@PostMapping
	ModelAndView create(Actor.Administrator administrator, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "API_KEY") String type, @RequestParam(defaultValue = "") String allowedDomain,
			@RequestParam(required = false) @Nullable String headerName,
			@RequestParam(required = false) @Nullable String apiKey,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String oauthClient,
			@RequestParam(required = false) @Nullable String scopes, Model model, RedirectAttributes flash) {
		boolean oauth = type.equals("OAUTH2");
		boolean apiKeyType = type.equals("API_KEY");
		boolean basic = type.equals("BASIC");
		try {
			// Only the fields of the chosen type: the form shows all of them without
			// JavaScript.
			ConnectionCreation created = this.connections.create(administrator, new NewConnection(name, type,
					allowedDomain, apiKeyType ? blankToNull(headerName) : null,
					new Credentials(apiKeyType ? blankToNull(apiKey) : null, basic ? blankToNull(username) : null,
							basic ? blankToNull(password) : null, type.equals("BEARER") ? blankToNull(token) : null),
					oauth ? blankToNull(oauthClient) : null, oauth ? blankToNull(scopes) : null));
			if (created.authorizeUrl() != null) {
				return new ModelAndView("redirect:" + created.authorizeUrl());
			}
			flash.addFlashAttribute("notice", "connections.notice.created");
			return new ModelAndView(ConnectionDetailConsoleController.redirect(name));
		}
		catch (InvalidInputException | ConflictException | ApiCallFailedException ex) {
			return again(administrator, model, "connection", ex.getMessage(), name, type, allowedDomain);
		}
	}

	@PostMapping("/oauth-clients")
	ModelAndView createClient(Actor.Administrator administrator, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String clientSecret,
			@RequestParam(defaultValue = "authorization_code") String grantType,
			@RequestParam(required = false) @Nullable String authorizationUrl,
			@RequestParam(defaultValue = "") String tokenUrl, @RequestParam(defaultValue = "") String defaultScopes,
			@RequestParam(defaultValue = "client_secret_basic") String clientAuthentication, Model model,
			RedirectAttributes flash) {
		try {
			this.clients.create(administrator,
					new NewOAuthClient(name, clientId, clientSecret, grantType,
							grantType.equals("authorization_code") ? blankToNull(authorizationUrl) : null, tokenUrl,
							defaultScopes, clientAuthentication));
			flash.addFlashAttribute("notice", "connections.notice.clientCreated");
			return new ModelAndView("redirect:/console/connections#oauth-clients");
		}
		catch (InvalidInputException | ConflictException ex) {
			return again(administrator, model, "client", ex.getMessage(), name, grantType, tokenUrl);
		}
	}

	@PostMapping("/oauth-clients/{name}/delete")
	ModelAndView deleteClient(Actor.Administrator administrator, @PathVariable String name, Model model,
			RedirectAttributes flash) {
		try {
			this.clients.delete(administrator, name);
			flash.addFlashAttribute("notice", "connections.notice.clientDeleted");
			return new ModelAndView("redirect:/console/connections#oauth-clients");
		}
		catch (ConflictException ex) {
			return again(administrator, model, "list", ex.getMessage(), null, null, null);
		}
	}

	/**
	 * The page again, with the error where it happened and what was typed (no secret).
	 */
	private ModelAndView again(Actor.Administrator administrator, Model model, String form, @Nullable String error,
			@Nullable String name, @Nullable String kind, @Nullable String target) {
		list(administrator, null, model);
		ModelAndView page = new ModelAndView(LIST_VIEW, model.asMap(), HttpStatus.BAD_REQUEST);
		page.addObject("errorForm", form);
		page.addObject("error", error);
		page.addObject("draftName", name);
		page.addObject("draftKind", kind);
		page.addObject("draftTarget", target);
		return page;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
