package io.patchbay.connections;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.google.common.hash.Hashing;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.patchbay.accounts.Actor;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How OAUTH2 connections come to be and come back: with the client credentials grant a
 * token is fetched at once; with the authorization code grant the administrator is sent
 * to the provider with a single-use {@code state} and PKCE (S256), and the connection
 * exists only once the callback has exchanged the code. A denied or failed flow leaves
 * nothing behind. No transaction is held while the provider answers.
 */
@Service
public class OAuthConnections {

	private final ConnectionRepository connections;

	private final AuthorizationRepository authorizations;

	private final OAuthClients clients;

	private final OAuthTokens tokens;

	private final TokenRepository tokenRows;

	private final TokenEndpoint endpoint;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final ConnectionProperties properties;

	private final Ids ids;

	private final Clock clock;

	OAuthConnections(ConnectionRepository connections, AuthorizationRepository authorizations, OAuthClients clients,
			OAuthTokens tokens, TokenRepository tokenRows, TokenEndpoint endpoint, SecretBox secrets, AuditLog audit,
			TransactionTemplate transactions, ConnectionProperties properties, Ids ids, Clock clock) {
		this.connections = connections;
		this.authorizations = authorizations;
		this.clients = clients;
		this.tokens = tokens;
		this.tokenRows = tokenRows;
		this.endpoint = endpoint;
		this.secrets = secrets;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Creates a client-credentials connection now, or starts the authorization-code flow
	 * of one (its {@code authorizeUrl}).
	 */
	ConnectionCreation create(Actor.Administrator administrator, String name, AllowedDomain domain,
			@Nullable String clientName, @Nullable String scopes) {
		OAuthClient client = client(clientName);
		String requested = OAuthClients.scopes(scopes);
		if (this.connections.find(name).isPresent()) {
			throw new ConflictException("name", "A connection named " + name + " exists already");
		}
		if (client.grantType() == OAuthClient.GrantType.AUTHORIZATION_CODE) {
			return new ConnectionCreation(null, start(administrator, name, domain.value(), client, requested));
		}
		TokenEndpoint.Issued issued = issue(client, new ClientCredentialsGrant(), scopeOf(requested, client),
				"oauthClient");
		return new ConnectionCreation(insert(administrator.name(), name, domain.value(), client, requested, issued),
				null);
	}

	/**
	 * The provider sent the administrator back: exchanges the code for the connection's
	 * tokens. An unknown, used or expired {@code state}, or a refusal, stores nothing.
	 */
	public Connection complete(Actor actor, @Nullable String code, @Nullable String state, @Nullable String error) {
		ConnectionRules.mayManage(actor);
		if (state == null || state.isBlank()) {
			throw new InvalidInputException("state", "The provider's answer carries no state");
		}
		AuthorizationRepository.Pending pending = this.transactions
			.execute((status) -> this.authorizations.take(hash(state)))
			.orElseThrow(() -> new InvalidInputException("state",
					"This authorization is unknown or was already used: start again"));
		if (pending.expiresAt().isBefore(this.clock.instant())) {
			throw new InvalidInputException("state", "This authorization expired: start again");
		}
		if (error != null) {
			throw new InvalidInputException("code",
					"The provider did not authorize the connection (" + error + "): nothing was stored");
		}
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("code", "The provider's answer carries no code");
		}
		OAuthClient client = this.clients.find(pending.oauthClientId());
		String verifier = this.secrets.decrypt(pending.sealedVerifier(), "oauth_authorization:" + hash(state));
		TokenEndpoint.Issued issued = issue(client, new AuthorizationCodeGrant(new AuthorizationCode(code),
				URI.create(this.clients.callbackUrl()), new CodeVerifier(verifier)), null, "code");
		String requested = (pending.scopes() != null) ? pending.scopes() : "";
		Optional<Connection> existing = this.connections.find(pending.connectionName());
		if (existing.isPresent()) {
			// A reconnect, unless another connection took the name meanwhile.
			if (existing.get().type() != ConnectionType.OAUTH2) {
				throw new ConflictException("name",
						"A connection named " + pending.connectionName() + " exists already");
			}
			return reconnected(existing.get(), issued, requested, client);
		}
		return insert(pending.createdBy(), pending.connectionName(), pending.allowedDomain(), client, requested,
				issued);
	}

	/**
	 * Gets the connection going again after it needed re-authorization: a new token now
	 * (client credentials), or a new authorization flow.
	 */
	ConnectionCreation reconnect(Actor.Administrator administrator, Connection connection) {
		OAuthClient client = this.clients.find(connection.oauthClientId());
		String requested = (connection.oauth() != null) ? connection.oauth().scopes() : "";
		if (client.grantType() == OAuthClient.GrantType.AUTHORIZATION_CODE) {
			return new ConnectionCreation(null,
					start(administrator, connection.name(), connection.allowedDomain(), client, requested));
		}
		TokenEndpoint.Issued issued = issue(client, new ClientCredentialsGrant(), scopeOf(requested, client),
				"oauthClient");
		return new ConnectionCreation(reconnected(connection, issued, requested, client), null);
	}

	/** The same connection with new tokens: active again. */
	private Connection reconnected(Connection connection, TokenEndpoint.Issued issued, String requested,
			OAuthClient client) {
		this.transactions
			.executeWithoutResult((status) -> this.tokens.replace(connection, issued, effective(requested, client)));
		this.audit.record("connection.reconnected", Connections.AUDIT_TYPE, String.valueOf(connection.id()),
				connection.name(), null);
		return this.connections.find(connection.name()).orElseThrow();
	}

	private String start(Actor.Administrator administrator, String name, String domain, OAuthClient client,
			String requested) {
		State state = new State();
		CodeVerifier verifier = new CodeVerifier();
		Scope scope = scopeOf(requested, client);
		AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
				new ClientID(client.clientId()))
			.endpointURI(URI.create(client.authorizationUrl()))
			.redirectionURI(URI.create(this.clients.callbackUrl()))
			.scope(scope)
			.state(state)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build();
		String hash = hash(state.getValue());
		this.transactions.executeWithoutResult((status) -> {
			this.authorizations.purge(this.clock.instant());
			this.authorizations.insert(hash,
					new AuthorizationRepository.Pending(name, domain, client.id(), requested,
							this.secrets.encrypt(verifier.getValue(), "oauth_authorization:" + hash),
							administrator.name(), this.clock.instant().plus(this.properties.authorizationTimeout())));
		});
		return request.toURI().toString();
	}

	private Connection insert(String createdBy, String name, String domain, OAuthClient client, String requested,
			TokenEndpoint.Issued issued) {
		Instant now = this.clock.instant();
		Connection connection = new Connection(this.ids.next(), name, ConnectionType.OAUTH2, domain, null, now, now,
				createdBy, null, null,
				new Connection.OAuth(client.id(), client.name(), requested, TokenStatus.ACTIVE, null, null, null));
		this.transactions.executeWithoutResult((status) -> {
			if (!this.connections.insert(connection, this.secrets.encrypt("{}", "connection:" + connection.id()))) {
				throw new ConflictException("name", "A connection named " + name + " exists already");
			}
			this.tokens.store(connection.id(), issued, effective(requested, client));
			this.audit.record("connection.created", Connections.AUDIT_TYPE, String.valueOf(connection.id()), name,
					"type=OAUTH2 allowedDomain=" + domain + " oauthClient=" + client.name());
		});
		return this.connections.find(name).orElseThrow();
	}

	private TokenEndpoint.Issued issue(OAuthClient client, com.nimbusds.oauth2.sdk.AuthorizationGrant grant,
			@Nullable Scope scope, String field) {
		try {
			return this.endpoint.request(client, this.clients.secret(client.id()), grant, scope);
		}
		catch (TokenEndpoint.TokenRequestFailedException ex) {
			throw new InvalidInputException(field, ex.getMessage() + ": no connection was stored");
		}
	}

	private OAuthClient client(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("oauthClient", "oauthClient is required for an OAUTH2 connection");
		}
		try {
			return this.clients.find(name);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("oauthClient", "No OAuth client is named " + name);
		}
	}

	private static @Nullable Scope scopeOf(String requested, OAuthClient client) {
		String scopes = effective(requested, client);
		return scopes.isBlank() ? null : Scope.parse(scopes);
	}

	/** What was asked for: the connection's scopes, or the client's default ones. */
	private static String effective(String requested, OAuthClient client) {
		return requested.isBlank() ? client.defaultScopes() : requested;
	}

	private static String hash(String state) {
		return Hashing.sha256().hashString(state, StandardCharsets.UTF_8).toString();
	}

}
