package io.patchbay.connections.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.patchbay.accounts.Actor;
import io.patchbay.connections.ApiCall;
import io.patchbay.connections.ApiCallFailedException;
import io.patchbay.connections.ApiCallResult;
import io.patchbay.connections.Connection;
import io.patchbay.connections.ConnectionChange;
import io.patchbay.connections.ConnectionCreation;
import io.patchbay.connections.Connections;
import io.patchbay.connections.Credentials;
import io.patchbay.connections.NewConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin REST API of connections ({@code connections.md}): secrets go in, and every
 * answer shows {@code "*****"} in their place.
 */
@RestController
@RequestMapping("/api/admin/connections")
@PreAuthorize("hasAuthority('manage_connections')")
class ConnectionAdminController {

	static final String REDACTED = "*****";

	private final Connections connections;

	ConnectionAdminController(Connections connections) {
		this.connections = connections;
	}

	record Create(@Nullable String name, @Nullable String type, @Nullable String allowedDomain,
			@Nullable String headerName, @Nullable String apiKey, @Nullable String username, @Nullable String password,
			@Nullable String token, @Nullable String oauthClient, @Nullable String scopes) {

		@Override
		public String toString() {
			return "Create[name=" + this.name + "]";
		}

	}

	record Patch(@Nullable String name, @Nullable String type, @Nullable String allowedDomain,
			@Nullable String headerName, @Nullable String apiKey, @Nullable String username, @Nullable String password,
			@Nullable String token) {

		@Override
		public String toString() {
			return "Patch[name=" + this.name + "]";
		}

	}

	record Call(@Nullable String method, @Nullable String url, @Nullable Map<String, String> headers,
			@Nullable String body) {
	}

	/**
	 * 201 with the connection, or 202 with the provider's page for the authorization code
	 * grant.
	 */
	@PostMapping
	ResponseEntity<Map<String, Object>> create(Actor.Administrator administrator, @RequestBody Create request) {
		return created(this.connections.create(administrator,
				new NewConnection(request.name(), request.type(), request.allowedDomain(), request.headerName(),
						new Credentials(request.apiKey(), request.username(), request.password(), request.token()),
						request.oauthClient(), request.scopes())));
	}

	@PostMapping("/{name}/reconnect")
	ResponseEntity<Map<String, Object>> reconnect(Actor.Administrator administrator, @PathVariable String name) {
		ConnectionCreation creation = this.connections.reconnect(administrator, name);
		return (creation.connection() != null) ? ResponseEntity.ok(view(creation.connection())) : created(creation);
	}

	@GetMapping
	Map<String, List<Map<String, Object>>> list(Actor.Administrator administrator) {
		return Map.of("data",
				this.connections.all(administrator).stream().map(ConnectionAdminController::view).toList());
	}

	@GetMapping("/{name}")
	Map<String, Object> one(Actor.Administrator administrator, @PathVariable String name) {
		return view(this.connections.find(administrator, name));
	}

	@PatchMapping("/{name}")
	Map<String, Object> rotate(Actor.Administrator administrator, @PathVariable String name,
			@RequestBody Patch request) {
		return view(this.connections.rotate(administrator, name,
				new ConnectionChange(request.name(), request.type(), request.allowedDomain(), request.headerName(),
						new Credentials(request.apiKey(), request.username(), request.password(), request.token()))));
	}

	/** 409 when published workflows use the connection, unless {@code force=true}. */
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor.Administrator administrator, @PathVariable String name,
			@RequestParam(defaultValue = "false") boolean force) {
		this.connections.delete(administrator, name, force);
	}

	@PostMapping("/{name}/calls")
	ApiCallResult call(Actor.Administrator administrator, @PathVariable String name, @RequestBody Call request) {
		return this.connections.call(administrator, name,
				new ApiCall(request.method(), request.url(), request.headers(), request.body()));
	}

	private static ResponseEntity<Map<String, Object>> created(ConnectionCreation creation) {
		if (creation.connection() != null) {
			return ResponseEntity.status(HttpStatus.CREATED).body(view(creation.connection()));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("authorizeUrl", Objects.requireNonNull(creation.authorizeUrl())));
	}

	/** The service gave no answer: the gateway's error, said in words. */
	@ExceptionHandler
	ProblemDetail failed(ApiCallFailedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	static Map<String, Object> view(Connection connection) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", connection.name());
		view.put("type", connection.type().name());
		view.put("allowedDomain", connection.allowedDomain());
		switch (connection.type()) {
			case API_KEY -> {
				view.put("headerName", connection.headerName());
				view.put("apiKey", REDACTED);
			}
			case BASIC -> {
				view.put("username", REDACTED);
				view.put("password", REDACTED);
			}
			case BEARER -> view.put("token", REDACTED);
			case OAUTH2 -> {
				Connection.OAuth oauth = Objects.requireNonNull(connection.oauth());
				view.put("oauthClient", oauth.client());
				view.put("scopes", oauth.scopes());
				view.put("status", oauth.status().name().toLowerCase(Locale.ROOT));
				view.put("expiresAt", oauth.expiresAt());
				view.put("grantedScopes", oauth.grantedScopes());
				view.put("lastError", oauth.lastError());
			}
		}
		view.put("createdAt", connection.createdAt());
		view.put("updatedAt", connection.updatedAt());
		view.put("createdBy", connection.createdBy());
		view.put("lastUsedAt", connection.lastUsedAt());
		view.put("lastUsedBy", connection.lastUsedBy());
		return view;
	}

}
