package io.patchbay.connections.web;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The external services of the connection tests: an API over TLS (its certificate, for
 * {@code *.patchbay.test}, is the only one the test trust store holds) and the answers of
 * a token endpoint; and the admin API's POST as these tests send it.
 */
public final class ExternalServices {

	private ExternalServices() {
	}

	/**
	 * An https-only receiver; {@code *.patchbay.test} resolves to it (the test hosts
	 * file).
	 */
	public static WireMockServer tlsService() {
		return new WireMockServer(options().httpDisabled(true)
			.dynamicHttpsPort()
			.keystorePath("src/test/resources/tls/server.p12")
			.keystoreType("PKCS12")
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
	}

	/** A token response as RFC 6749 writes it. */
	static ResponseDefinitionBuilder token(String accessToken, int lifetimeSeconds) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
					+ lifetimeSeconds + "}");
	}

	/**
	 * POSTs JSON to the admin API and answers the JSON that came back with that status.
	 */
	public static Map<String, Object> post(RestTestClient admin, String uri, Map<String, ?> body, int status) {
		return admin.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
