package io.patchbay.connections.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.connections.NewOAuthClient;
import io.patchbay.connections.OAuthClient;
import io.patchbay.connections.OAuthClients;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin REST API of OAuth clients ({@code connections.md}); each answer carries the
 * callback URL to register at the provider, never the client secret.
 */
@RestController
@RequestMapping("/api/admin/oauth-clients")
@PreAuthorize("hasAuthority('manage_connections')")
class OAuthClientAdminController {

	private final OAuthClients clients;

	OAuthClientAdminController(OAuthClients clients) {
		this.clients = clients;
	}

	record Body(@Nullable String name, @Nullable String clientId, @Nullable String clientSecret,
			@Nullable String grantType, @Nullable String authorizationUrl, @Nullable String tokenUrl,
			@Nullable String defaultScopes, @Nullable String clientAuthentication) {

		NewOAuthClient client() {
			return new NewOAuthClient(this.name, this.clientId, this.clientSecret, this.grantType,
					this.authorizationUrl, this.tokenUrl, this.defaultScopes, this.clientAuthentication);
		}

		@Override
		public String toString() {
			return "Body[name=" + this.name + "]";
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(Actor.Administrator administrator, @RequestBody Body request) {
		return view(this.clients.create(administrator, request.client()));
	}

	@GetMapping
	Map<String, List<Map<String, Object>>> list(Actor.Administrator administrator) {
		return Map.of("data", this.clients.all(administrator).stream().map(this::view).toList());
	}

	@GetMapping("/{name}")
	Map<String, Object> one(Actor.Administrator administrator, @PathVariable String name) {
		return view(this.clients.find(administrator, name));
	}

	@PatchMapping("/{name}")
	Map<String, Object> update(Actor.Administrator administrator, @PathVariable String name,
			@RequestBody Body request) {
		return view(this.clients.update(administrator, name, request.client()));
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor.Administrator administrator, @PathVariable String name) {
		this.clients.delete(administrator, name);
	}

	private Map<String, Object> view(OAuthClient client) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", client.name());
		view.put("clientId", client.clientId());
		view.put("clientSecret", ConnectionAdminController.REDACTED);
		view.put("grantType", client.grantType().apiName());
		view.put("authorizationUrl", client.authorizationUrl());
		view.put("tokenUrl", client.tokenUrl());
		view.put("defaultScopes", client.defaultScopes());
		view.put("clientAuthentication", client.clientAuthentication().apiName());
		view.put("callbackUrl", this.clients.callbackUrl());
		view.put("createdAt", client.createdAt());
		view.put("updatedAt", client.updatedAt());
		return view;
	}

}
