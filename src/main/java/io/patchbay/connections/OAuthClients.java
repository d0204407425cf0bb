package io.patchbay.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PatchbayProperties;
import io.patchbay.platform.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OAuth 2.0 clients, managed by administrators holding {@code manage_connections}. The
 * secret is sealed and never returned; a client that connections use cannot be deleted.
 * Authorization and token URLs are https, except in dev mode, for a local test server.
 */
@Service
@Transactional
public class OAuthClients {

	static final String AUDIT_TYPE = "oauth_client";

	private final OAuthClientRepository repository;

	private final ConnectionRepository connections;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final PatchbayProperties patchbay;

	private final Ids ids;

	private final Clock clock;

	OAuthClients(OAuthClientRepository repository, ConnectionRepository connections, SecretBox secrets, AuditLog audit,
			PatchbayProperties patchbay, Ids ids, Clock clock) {
		this.repository = repository;
		this.connections = connections;
		this.secrets = secrets;
		this.audit = audit;
		this.patchbay = patchbay;
		this.ids = ids;
		this.clock = clock;
	}

	public OAuthClient create(Actor actor, NewOAuthClient request) {
		ConnectionRules.mayManage(actor);
		String name = ConnectionRules.name(request.name());
		OAuthClient.GrantType grant = (request.grantType() == null) ? OAuthClient.GrantType.AUTHORIZATION_CODE
				: grantType(request.grantType());
		String secret = required("clientSecret", request.clientSecret(), 2000);
		Instant now = this.clock.instant();
		OAuthClient client = new OAuthClient(this.ids.next(), name, required("clientId", request.clientId(), 500),
				grant, authorizationUrl(grant, request.authorizationUrl()),
				url("tokenUrl", required("tokenUrl", request.tokenUrl(), 2000)), scopes(request.defaultScopes()),
				clientAuthentication(request.clientAuthentication()), now, now);
		if (!this.repository.insert(client, seal(client.id(), secret))) {
			throw new ConflictException("name", "An OAuth client named " + name + " exists already");
		}
		this.audit.record("oauth_client.created", AUDIT_TYPE, String.valueOf(client.id()), name,
				"grantType=" + grant.apiName() + " tokenUrl=" + client.tokenUrl());
		return client;
	}

	@Transactional(readOnly = true)
	public List<OAuthClient> all(Actor actor) {
		ConnectionRules.mayManage(actor);
		return this.repository.findAll();
	}

	@Transactional(readOnly = true)
	public OAuthClient find(Actor actor, String name) {
		ConnectionRules.mayManage(actor);
		return find(name);
	}

	/** Changes what the provider issued; the name and grant type stay. */
	public OAuthClient update(Actor actor, String name, NewOAuthClient change) {
		ConnectionRules.mayManage(actor);
		OAuthClient current = find(name);
		if (change.name() != null && !change.name().equals(current.name())) {
			throw new InvalidInputException("name", "name cannot change: create a new OAuth client");
		}
		if (change.grantType() != null && grantType(change.grantType()) != current.grantType()) {
			throw new InvalidInputException("grantType", "grantType cannot change: create a new OAuth client");
		}
		String secret = (change.clientSecret() != null) ? required("clientSecret", change.clientSecret(), 2000)
				: secret(current.id());
		OAuthClient updated = new OAuthClient(current.id(), current.name(),
				(change.clientId() != null) ? required("clientId", change.clientId(), 500) : current.clientId(),
				current.grantType(),
				(change.authorizationUrl() != null) ? authorizationUrl(current.grantType(), change.authorizationUrl())
						: current.authorizationUrl(),
				(change.tokenUrl() != null) ? url("tokenUrl", change.tokenUrl()) : current.tokenUrl(),
				(change.defaultScopes() != null) ? scopes(change.defaultScopes()) : current.defaultScopes(),
				(change.clientAuthentication() != null) ? clientAuthentication(change.clientAuthentication())
						: current.clientAuthentication(),
				current.createdAt(), this.clock.instant());
		this.repository.update(updated, seal(current.id(), secret));
		this.audit.record("oauth_client.updated", AUDIT_TYPE, String.valueOf(current.id()), current.name(),
				(change.clientSecret() != null) ? "clientSecret replaced" : null);
		return updated;
	}

	public void delete(Actor actor, String name) {
		ConnectionRules.mayManage(actor);
		OAuthClient client = find(name);
		List<String> users = this.connections.namesUsingClient(client.id());
		if (!users.isEmpty()) {
			throw new ConflictException("name", "Connections use this OAuth client: " + String.join(", ", users));
		}
		this.repository.delete(client.id());
		this.audit.record("oauth_client.deleted", AUDIT_TYPE, String.valueOf(client.id()), client.name(), null);
	}

	/** The client by its name, for a connection that names it. */
	OAuthClient find(String name) {
		return this.repository.find(name).orElseThrow(() -> new NotFoundException("OAuth client", name));
	}

	OAuthClient find(long id) {
		return this.repository.find(id).orElseThrow(() -> new NotFoundException("OAuth client", String.valueOf(id)));
	}

	String secret(long id) {
		return this.secrets.decrypt(this.repository.sealedSecret(id), context(id));
	}

	/** The redirect (callback) URL to register at the provider. */
	public String callbackUrl() {
		return this.patchbay.url("/oauth/callback");
	}

	private String seal(long id, String secret) {
		return this.secrets.encrypt(secret, context(id));
	}

	private static String context(long id) {
		return "oauth_client:" + id;
	}

	private @Nullable String authorizationUrl(OAuthClient.GrantType grant, @Nullable String given) {
		if (grant == OAuthClient.GrantType.CLIENT_CREDENTIALS) {
			if (given != null) {
				throw new InvalidInputException("authorizationUrl",
						"authorizationUrl applies to the authorization_code grant only");
			}
			return null;
		}
		return url("authorizationUrl", required("authorizationUrl", given, 2000));
	}

	private String url(String field, String given) {
		URI uri;
		try {
			uri = new URI(given.strip());
		}
		catch (URISyntaxException ex) {
			throw new InvalidInputException(field, field + " is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		boolean allowed = scheme.equals("https") || (scheme.equals("http") && !this.patchbay.production());
		if (!allowed || uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw new InvalidInputException(field, this.patchbay.production() ? field + " must be an https URL"
					: field + " must be an http or https URL (https in production mode)");
		}
		return uri.toString();
	}

	static String scopes(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return "";
		}
		String scopes = String.join(" ", Arrays.stream(given.strip().split("\\s+")).distinct().toList());
		if (scopes.length() > 1000 || scopes.chars().anyMatch((c) -> c < 0x21 && c != ' ' || c == '"' || c == '\\')) {
			throw new InvalidInputException("scopes", "scopes must be space-separated scope names (RFC 6749)");
		}
		return scopes;
	}

	private static OAuthClient.GrantType grantType(String given) {
		return Arrays.stream(OAuthClient.GrantType.values())
			.filter((grant) -> grant.apiName().equals(given))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("grantType",
					"grantType must be authorization_code or client_credentials"));
	}

	private static OAuthClient.ClientAuthentication clientAuthentication(@Nullable String given) {
		if (given == null) {
			return OAuthClient.ClientAuthentication.CLIENT_SECRET_BASIC;
		}
		return Arrays.stream(OAuthClient.ClientAuthentication.values())
			.filter((method) -> method.apiName().equals(given))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("clientAuthentication",
					"clientAuthentication must be client_secret_basic or client_secret_post"));
	}

	private static String required(String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, field + " is required");
		}
		if (value.length() > max || value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException(field,
					field + " must be at most " + max + " characters, without control characters");
		}
		return value;
	}

}
