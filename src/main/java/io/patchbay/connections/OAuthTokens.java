package io.patchbay.connections;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Keeps OAUTH2 connections' access tokens fresh: refreshed before they expire and after a
 * 401, once per stale token across the whole cluster. Within a node, callers of one
 * connection queue on a lock; across nodes, the refresh lease in the database decides who
 * calls the token endpoint, and the others wait for the new version. A refresh that keeps
 * failing, or a revoked grant, marks the connection for re-authorization.
 */
@Component
class OAuthTokens {

	/** A usable access token and the version it has, for a refresh after a 401. */
	record Current(String accessToken, long version) {

		@Override
		public String toString() {
			return "Current[version=" + this.version + "]";
		}

	}

	private static final long WAIT_STEP_MILLIS = 25;

	private final Map<Long, ReentrantLock> refreshing = new ConcurrentHashMap<>();

	private final TokenRepository tokens;

	private final OAuthClients clients;

	private final TokenEndpoint endpoint;

	private final SecretBox secrets;

	private final ConnectionProperties properties;

	private final MeterRegistry meters;

	private final Clock clock;

	OAuthTokens(TokenRepository tokens, OAuthClients clients, TokenEndpoint endpoint, SecretBox secrets,
			ConnectionProperties properties, MeterRegistry meters, Clock clock) {
		this.tokens = tokens;
		this.clients = clients;
		this.endpoint = endpoint;
		this.secrets = secrets;
		this.properties = properties;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Stores the first tokens of a connection; none returned means the requested scopes.
	 */
	void store(long connectionId, TokenEndpoint.Issued issued, String requestedScopes) {
		Instant now = this.clock.instant();
		this.tokens.insert(connectionId, sealed(connectionId, issued, null, requestedScopes, now), now);
	}

	/** New tokens for a reconnected connection: active again, a new version. */
	void replace(Connection connection, TokenEndpoint.Issued issued, String requestedScopes) {
		Instant now = this.clock.instant();
		this.tokens.refreshed(connection.id(), sealed(connection.id(), issued, null, requestedScopes, now), now);
	}

	/** The connection's access token, refreshed first when it is about to expire. */
	Current current(Connection connection) {
		TokenRepository.Row row = row(connection);
		if (!due(row)) {
			return usable(row);
		}
		return refresh(connection, row.version());
	}

	/**
	 * A new access token in place of the one at {@code staleVersion} (it expired, or the
	 * service answered 401 to it); the token someone else refreshed meanwhile, if they
	 * did.
	 */
	Current refresh(Connection connection, long staleVersion) {
		ReentrantLock lock = this.refreshing.computeIfAbsent(connection.id(), (id) -> new ReentrantLock());
		lock.lock();
		try {
			Instant giveUp = this.clock.instant()
				.plus(this.properties.refreshLease())
				.plus(this.properties.callTimeout());
			while (true) {
				TokenRepository.Row row = row(connection);
				if (row.version() != staleVersion && !due(row)) {
					return usable(row);
				}
				if (row.status() == TokenStatus.NEEDS_REAUTHORIZATION) {
					throw needsReauthorization(connection, row);
				}
				Instant now = this.clock.instant();
				if (this.tokens.lease(connection.id(), row.version(), now, now.plus(this.properties.refreshLease()))) {
					return refreshHeld(connection, row);
				}
				if (now.isAfter(giveUp)) {
					throw new ApiCallFailedException(
							"Another node's token refresh of " + connection.name() + " did not finish in time");
				}
				// Another node holds the lease: its new version shows up in the row.
				sleep();
				staleVersion = row.version();
			}
		}
		finally {
			lock.unlock();
		}
	}

	private Current refreshHeld(Connection connection, TokenRepository.Row row) {
		OAuthClient client = this.clients.find(connection.oauthClientId());
		String refreshToken = (row.sealedRefreshToken() != null)
				? this.secrets.decrypt(row.sealedRefreshToken(), context(connection.id(), "refresh")) : null;
		AuthorizationGrant grant;
		if (client.grantType() == OAuthClient.GrantType.CLIENT_CREDENTIALS) {
			grant = new ClientCredentialsGrant();
		}
		else if (refreshToken != null) {
			grant = new RefreshTokenGrant(new RefreshToken(refreshToken));
		}
		else {
			this.tokens.failed(connection.id(), "The token expired and no refresh token was issued",
					TokenStatus.NEEDS_REAUTHORIZATION);
			count("needs_reauthorization");
			throw needsReauthorization(connection, row);
		}
		String requested = requestedScopes(connection, client);
		try {
			TokenEndpoint.Issued issued = this.endpoint.request(client, this.clients.secret(client.id()), grant,
					requested.isEmpty() ? null : Scope.parse(requested));
			this.tokens.refreshed(connection.id(),
					sealed(connection.id(), issued, row.sealedRefreshToken(), requested, this.clock.instant()),
					this.clock.instant());
			count("succeeded");
			return new Current(issued.accessToken(), row.version() + 1);
		}
		catch (TokenEndpoint.TokenRequestFailedException ex) {
			TokenRepository.Row now = row(connection);
			if (now.version() != row.version()) {
				// invalid_grant because another node used the refresh token first (its
				// lease ran out while this one waited): its tokens are good.
				return usable(now);
			}
			boolean permanent = ex.permanent() || row.failures() + 1 >= this.properties.maxRefreshFailures();
			this.tokens.failed(connection.id(), ex.getMessage(),
					permanent ? TokenStatus.NEEDS_REAUTHORIZATION : TokenStatus.ACTIVE);
			count(permanent ? "needs_reauthorization" : "failed");
			throw new ApiCallFailedException(
					"The token refresh of " + connection.name() + " failed: " + ex.getMessage());
		}
	}

	private TokenRepository.Stored sealed(long connectionId, TokenEndpoint.Issued issued,
			@Nullable String previousRefreshToken, String requestedScopes, Instant now) {
		String refresh = (issued.refreshToken() != null)
				? this.secrets.encrypt(issued.refreshToken(), context(connectionId, "refresh")) : previousRefreshToken;
		Instant expiresAt = (issued.lifetime() > 0) ? now.plusSeconds(issued.lifetime()) : null;
		String granted = (issued.scope() != null) ? issued.scope() : requestedScopes;
		return new TokenRepository.Stored(this.secrets.encrypt(issued.accessToken(), context(connectionId, "access")),
				refresh, issued.tokenType(), expiresAt, (granted.length() > 255) ? granted.substring(0, 255) : granted);
	}

	private boolean due(TokenRepository.Row row) {
		return row.expiresAt() != null
				&& !this.clock.instant().isBefore(row.expiresAt().minus(this.properties.refreshMargin()));
	}

	private Current usable(TokenRepository.Row row) {
		if (row.status() == TokenStatus.NEEDS_REAUTHORIZATION) {
			throw new ConflictException("name", "The connection needs to be reconnected: "
					+ ((row.lastError() != null) ? row.lastError() : "its token can no longer be refreshed"));
		}
		return new Current(this.secrets.decrypt(row.sealedAccessToken(), context(row.connectionId(), "access")),
				row.version());
	}

	private TokenRepository.Row row(Connection connection) {
		return this.tokens.find(connection.id())
			.orElseThrow(() -> new IllegalStateException("No tokens for connection " + connection.id()));
	}

	private static ConflictException needsReauthorization(Connection connection, TokenRepository.Row row) {
		return new ConflictException("name", "The connection " + connection.name() + " needs to be reconnected: "
				+ ((row.lastError() != null) ? row.lastError() : "its token can no longer be refreshed"));
	}

	private void count(String outcome) {
		this.meters.counter("patchbay.connection.oauth.refreshes", "outcome", outcome).increment();
	}

	private static void sleep() {
		try {
			Thread.sleep(WAIT_STEP_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiCallFailedException("Interrupted while waiting for a token refresh");
		}
	}

	/** The connection's own scopes, or the client's default ones. */
	static String requestedScopes(Connection connection, OAuthClient client) {
		String own = (connection.oauth() != null) ? connection.oauth().scopes() : "";
		return (own != null && !own.isBlank()) ? own : client.defaultScopes();
	}

	static String context(long connectionId, String token) {
		return "connection:" + connectionId + ":" + token;
	}

}
