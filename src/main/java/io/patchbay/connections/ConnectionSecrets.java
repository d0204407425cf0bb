package io.patchbay.connections;

import java.util.List;

import io.patchbay.platform.SealedSecrets;

import org.springframework.stereotype.Component;

/**
 * The connections module's sealed columns, with the contexts {@link Connections},
 * {@link OAuthClients}, {@link OAuthTokens} and {@link OAuthConnections} seal them under.
 */
@Component
class ConnectionSecrets implements SealedSecrets {

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("connection", "id", "credentials", "connection:"),
				new Column("oauth_client", "id", "client_secret", "oauth_client:"),
				new Column("oauth_token", "connection_id", "access_token", "connection:", ":access"),
				new Column("oauth_token", "connection_id", "refresh_token", "connection:", ":refresh"),
				new Column("oauth_authorization", "state_hash", "code_verifier", "oauth_authorization:"));
	}

}
