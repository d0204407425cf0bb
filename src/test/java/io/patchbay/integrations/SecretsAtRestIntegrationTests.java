package io.patchbay.integrations;

import io.patchbay.AdminApi;
import io.patchbay.DatabaseDump;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every column of every table straight from the database and finds no app secret,
 * no access token and no connection credential in clear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SecretsAtRestIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noSecretOrTokenIsStoredInClear() {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		String id = (String) admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("name", "At rest " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		String token = (String) admin.post()
			.uri("/api/admin/integrations/{id}/access-token", id)
			.exchange()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken");
		String secret = (String) admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", id)
			.exchange()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");

		String apiKey = "connection-key-" + System.nanoTime();
		admin.post()
			.uri("/api/admin/connections")
			.contentType(MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("name", "at-rest-" + System.nanoTime(), "type", "API_KEY", "allowedDomain",
					"api.example.com", "headerName", "X-Api-Key", "apiKey", apiKey))
			.exchange()
			.expectStatus()
			.isCreated();

		String everything = dumpAllTables();
		assertThat(everything).contains(id);
		assertThat(everything).doesNotContain(token, token.substring(4), secret, secret.toUpperCase(), apiKey);
		assertThat(everything).doesNotContain(AdminApi.PASSWORD);
	}

	private String dumpAllTables() {
		assertThat(DatabaseDump.tables(this.jdbc)).contains("integration", "access_token", "member", "audit_entry",
				"connection");
		return DatabaseDump.everything(this.jdbc);
	}

}
