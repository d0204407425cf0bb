package io.patchbay.scim;

import java.util.Map;

import com.unboundid.scim2.client.ScimService;
import io.patchbay.graph.GraphTestSetup;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the SCIM tests stand on: an integration holding {@code manage_accounts},
 * {@code manage_group} and {@code read_group_membership}, a real SCIM client
 * (UnboundID's, over Jersey) sending its token, and raw requests for the forms identity
 * providers send that the client does not.
 */
final class ScimClients {

	final GraphTestSetup integration;

	final RestTestClient client;

	final ScimService scim;

	private final Client jersey;

	ScimClients(RestTestClient client, int port, String... permissions) {
		this.client = client;
		this.integration = new GraphTestSetup(client, "CUSTOM");
		this.integration.permissions(permissions.length > 0 ? permissions
				: new String[] { "manage_accounts", "manage_group", "read_group_membership" });
		// Apache HttpClient: HttpURLConnection, Jersey's default, cannot send PATCH.
		this.jersey = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
		String token = this.integration.token;
		this.jersey.register(
				(ClientRequestFilter) (request) -> request.getHeaders().putSingle("Authorization", "Bearer " + token));
		this.scim = new ScimService(this.jersey.target("http://localhost:" + port + "/scim/v2"));
	}

	void close() {
		this.jersey.close();
	}

	RestTestClient.ResponseSpec send(String method, String uri, String json) {
		return this.client.method(org.springframework.http.HttpMethod.valueOf(method))
			.uri(uri)
			.header("Authorization", "Bearer " + this.integration.token)
			.contentType(MediaType.parseMediaType("application/scim+json"))
			.body(json)
			.exchange();
	}

	RestTestClient.ResponseSpec get(String uri, Object... variables) {
		return this.client.get()
			.uri(uri, variables)
			.header("Authorization", "Bearer " + this.integration.token)
			.exchange();
	}

	Map<String, Object> json(RestTestClient.ResponseSpec response) {
		return response.expectBody(GraphTestSetup.JSON).returnResult().getResponseBody();
	}

}
