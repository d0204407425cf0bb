package io.patchbay.connections;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.SecretBox;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connections: created and rotated by administrators holding {@code manage_connections},
 * used by them ("Try a call") and by workflows. Secrets are sealed with the master key
 * before they reach the database and are never returned; name, type and allowed domain
 * never change, so a credential cannot be pointed at another host after the fact.
 */
@Service
public class Connections {

	static final String AUDIT_TYPE = "connection";

	private final ConnectionRepository repository;

	private final ConnectionCalls calls;

	private final OAuthConnections oauth;

	private final OAuthTokens tokens;

	private final SecretBox secrets;

	private final JsonMapper json;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Ids ids;

	private final Clock clock;

	private final ObjectProvider<ConnectionUsers> users;

	Connections(ConnectionRepository repository, ConnectionCalls calls, OAuthConnections oauth, OAuthTokens tokens,
			SecretBox secrets, JsonMapper json, AuditLog audit, TransactionTemplate transactions, Ids ids, Clock clock,
			ObjectProvider<ConnectionUsers> users) {
		this.users = users;
		this.repository = repository;
		this.calls = calls;
		this.oauth = oauth;
		this.tokens = tokens;
		this.secrets = secrets;
		this.json = json;
		this.audit = audit;
		this.transactions = transactions;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Creates the connection; an {@code OAUTH2} connection whose client uses the
	 * authorization code grant exists only once the provider sent the administrator back
	 * ({@link ConnectionCreation#authorizeUrl()}).
	 */
	public ConnectionCreation create(Actor actor, NewConnection request) {
		ConnectionRules.mayManage(actor);
		String name = ConnectionRules.name(request.name());
		ConnectionType type = ConnectionRules.type(request.type());
		AllowedDomain domain = AllowedDomain.parse(request.allowedDomain());
		String headerName = ConnectionRules.headerName(type, request.headerName());
		if (type != ConnectionType.OAUTH2 && (request.oauthClient() != null || request.scopes() != null)) {
			throw new InvalidInputException((request.oauthClient() != null) ? "oauthClient" : "scopes",
					"oauthClient and scopes apply to OAUTH2 connections only");
		}
		Credentials credentials = ConnectionRules.credentials(type, request.credentials());
		Actor.Administrator administrator = (Actor.Administrator) actor;
		if (type == ConnectionType.OAUTH2) {
			return this.oauth.create(administrator, name, domain, request.oauthClient(), request.scopes());
		}
		Instant now = this.clock.instant();
		Connection connection = new Connection(this.ids.next(), name, type, domain.value(), headerName, now, now,
				administrator.name(), null, null, null);
		boolean inserted = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			if (!this.repository.insert(connection, seal(connection.id(), credentials))) {
				return false;
			}
			this.audit.record("connection.created", AUDIT_TYPE, String.valueOf(connection.id()), name,
					"type=" + type + " allowedDomain=" + domain);
			return true;
		}));
		if (!inserted) {
			throw new ConflictException("name", "A connection named " + name + " exists already");
		}
		return new ConnectionCreation(connection, null);
	}

	/**
	 * Gets an {@code OAUTH2} connection working again: a new token (client credentials)
	 * or a new authorization flow.
	 */
	public ConnectionCreation reconnect(Actor actor, String name) {
		ConnectionRules.mayManage(actor);
		Connection connection = find(name);
		if (connection.type() != ConnectionType.OAUTH2) {
			throw new InvalidInputException("name", "Only OAUTH2 connections are reconnected");
		}
		return this.oauth.reconnect((Actor.Administrator) actor, connection);
	}

	@Transactional(readOnly = true)
	public List<Connection> all(Actor actor) {
		ConnectionRules.mayManage(actor);
		return this.repository.findAll();
	}

	/**
	 * The connections whose name or allowed domain contains the query (ignoring case);
	 * all of them for a blank one. A company has tens of connections, so they are
	 * filtered as read.
	 */
	@Transactional(readOnly = true)
	public List<Connection> search(Actor actor, @Nullable String query) {
		List<Connection> all = all(actor);
		if (query == null || query.isBlank()) {
			return all;
		}
		String words = query.strip().toLowerCase(java.util.Locale.ROOT);
		return all.stream()
			.filter((connection) -> connection.name().toLowerCase(java.util.Locale.ROOT).contains(words)
					|| connection.allowedDomain().toLowerCase(java.util.Locale.ROOT).contains(words))
			.toList();
	}

	/**
	 * The names of the connections, for the workflow builder's API-call step: anyone who
	 * builds workflows may call through them, never read their secrets.
	 */
	@Transactional(readOnly = true)
	public List<String> names() {
		return this.repository.findAll().stream().map(Connection::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	@Transactional(readOnly = true)
	public Connection find(Actor actor, String name) {
		ConnectionRules.mayManage(actor);
		return find(name);
	}

	/**
	 * Replaces secret fields (a rotation): those given replace the stored ones, the
	 * others stay. Name, type and allowed domain cannot change.
	 */
	@Transactional
	public Connection rotate(Actor actor, String name, ConnectionChange change) {
		ConnectionRules.mayManage(actor);
		Connection current = find(name);
		immutable("name", change.name(), current.name());
		immutable("type", change.type(), current.type().name());
		if (change.allowedDomain() != null
				&& !AllowedDomain.parse(change.allowedDomain()).value().equals(current.allowedDomain())) {
			throw new InvalidInputException("allowedDomain", "allowedDomain cannot change: create a new connection");
		}
		if (change.headerName() != null && !change.headerName().equals(current.headerName())) {
			throw new InvalidInputException("headerName", "headerName cannot change: create a new connection");
		}
		ConnectionRules.refuseOthers(current.type(), change.credentials());
		if (current.type() == ConnectionType.OAUTH2) {
			throw new InvalidInputException("credentials",
					"An OAUTH2 connection's tokens come from its provider: reconnect it instead");
		}
		if (change.credentials().isEmpty()) {
			throw new InvalidInputException("credentials", "Give the secret fields to replace");
		}
		Credentials merged = ConnectionRules.credentials(current.type(),
				change.credentials().over(unseal(current.id())));
		this.repository.replaceCredentials(current.id(), seal(current.id(), merged), this.clock.instant());
		this.audit.record("connection.credentials_replaced", AUDIT_TYPE, String.valueOf(current.id()), current.name(),
				"fields=" + List.copyOf(change.credentials().given().keySet()));
		return find(name);
	}

	/**
	 * Deletes a connection; one that published workflows use only when {@code force} is
	 * given (their API-call steps then fail until they name another).
	 */
	@Transactional
	public void delete(Actor actor, String name, boolean force) {
		ConnectionRules.mayManage(actor);
		Connection connection = find(name);
		if (!force) {
			List<String> users = this.users.orderedStream()
				.flatMap((user) -> user.using(connection.name().toLowerCase(java.util.Locale.ROOT)).stream())
				.toList();
			if (!users.isEmpty()) {
				throw new ConflictException("name",
						"Connection " + connection.name() + " is used by published workflows ("
								+ String.join(", ", users) + "): delete with force=true to delete it anyway");
			}
		}
		this.repository.delete(connection.id());
		this.audit.record("connection.deleted", AUDIT_TYPE, String.valueOf(connection.id()), connection.name(), null);
	}

	/**
	 * Checks a workflow step that will call through a connection: the connection exists,
	 * and a URL whose host is written out (no {@code {{variable}}} in it) is https within
	 * the allowed domain. Answers the connection's name as stored.
	 */
	@Transactional(readOnly = true)
	public String checkStep(String name, String url) {
		Connection connection = this.repository.find(name)
			.orElseThrow(() -> new InvalidInputException("connection", "No connection is named " + name));
		// The authority as written, without user info or port: a template is no URI yet.
		String host = url.strip().replaceFirst("^https://", "").split("[/?#]", 2)[0].replaceFirst("^.*@", "")
			.replaceFirst(":[0-9]*$", "");
		if (!url.strip().startsWith("https://")) {
			throw new InvalidInputException("url", "The URL must start with https://");
		}
		if (!host.contains("{{")
				&& !new AllowedDomain(connection.allowedDomain()).covers(host.toLowerCase(java.util.Locale.ROOT))) {
			throw new InvalidInputException("url",
					"The host " + host + " is outside the connection's allowed domain " + connection.allowedDomain());
		}
		return connection.name();
	}

	/**
	 * Makes the call now with the connection's credentials. No transaction is held while
	 * the external service answers; the use is recorded afterwards.
	 */
	public ApiCallResult call(Actor actor, String name, ApiCall call) {
		ConnectionRules.mayCall(actor);
		Connection connection = find(name);
		ApiCallResult result;
		if (connection.type() == ConnectionType.OAUTH2) {
			OAuthTokens.Current token = this.tokens.current(connection);
			result = this.calls.call(connection, bearer(token), call);
			if (result.status() == 401) {
				// Revoked or expired early: one refresh of that very token, one retry.
				result = this.calls.call(connection, bearer(this.tokens.refresh(connection, token.version())), call);
			}
		}
		else {
			result = this.calls.call(connection, unseal(connection.id()), call);
		}
		this.repository.used(connection.id(), usedBy(actor), this.clock.instant());
		if (actor instanceof Actor.Administrator) {
			this.audit.record("connection.called", AUDIT_TYPE, String.valueOf(connection.id()), connection.name(),
					"method=" + call.method() + " host=" + hostOf(call) + " status=" + result.status());
		}
		return result;
	}

	private static Credentials bearer(OAuthTokens.Current token) {
		return new Credentials(null, null, null, token.accessToken());
	}

	private Connection find(String name) {
		return this.repository.find(name).orElseThrow(() -> new NotFoundException("Connection", name));
	}

	private String seal(long id, Credentials credentials) {
		return this.secrets.encrypt(this.json.writeValueAsString(credentials.given()), context(id));
	}

	private Credentials unseal(long id) {
		Map<String, String> fields = this.json
			.readValue(this.secrets.decrypt(this.repository.sealedCredentials(id), context(id)), new TypeReference<>() {
			});
		return Credentials.of(fields);
	}

	private static String context(long id) {
		return "connection:" + id;
	}

	private static void immutable(String field, @Nullable String given, String current) {
		if (given != null && !given.equals(current)) {
			throw new InvalidInputException(field, field + " cannot change: create a new connection");
		}
	}

	private static @Nullable String hostOf(ApiCall call) {
		// The host only: a path or query may carry data that is not the log's to keep.
		return (call.url() != null) ? java.net.URI.create(call.url().strip()).getHost() : null;
	}

	private static String usedBy(Actor actor) {
		return switch (actor) {
			case Actor.Workflow workflow -> "workflow: " + workflow.name();
			case Actor.Administrator administrator -> "console: " + administrator.name();
			default -> actor.toString();
		};
	}

}
