package io.patchbay.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.AdminApi;
import io.patchbay.DatabaseDump;
import io.patchbay.PatchbayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code java -jar patchbay.jar rotate-master-key}, run beside an install on its
 * database: afterwards every secret is under the new key alone, readable with it, and
 * none is in clear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MasterKeyRotationIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@Test
	void theCommandReencryptsEverySecretUnderTheNewKey() throws Exception {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		Map<?, ?> integration = post(admin, "/api/admin/integrations",
				Map.of("name", "Rotated " + System.nanoTime(), "kind", "CUSTOM"));
		String id = (String) integration.get("id");
		String appSecret = (String) admin.get()
			.uri("/api/admin/integrations/{id}/app-secret", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("appSecret");
		String apiKey = "rotation-key-" + System.nanoTime();
		post(admin, "/api/admin/connections", Map.of("name", "rotated-" + System.nanoTime(), "type", "API_KEY",
				"allowedDomain", "api.example.com", "headerName", "X-Api-Key", "apiKey", apiKey));
		byte[] oldKey = Base64.getDecoder()
			.decode(Files.readString(this.properties.dataDir().resolve(MasterKeyFile.NAME)).strip());
		byte[] newKey = new byte[32];
		new SecureRandom().nextBytes(newKey);
		Path otherDataDir = Files.createTempDirectory("patchbay-rotation-");

		PatchbayApplication.main(new String[] { "rotate-master-key",
				"--spring.datasource.url=" + this.dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + this.dataSource.getUsername(), "--patchbay.data-dir=" + otherDataDir,
				"--patchbay.master-key=" + Base64.getEncoder().encodeToString(newKey),
				"--patchbay.master-key-previous=" + Base64.getEncoder().encodeToString(oldKey) });

		SecretBox rotated = new SecretBox(newKey);
		SecretBox old = new SecretBox(oldKey);
		String sealedAppSecret = this.jdbc.sql("SELECT app_secret FROM integration WHERE id = ?")
			.param(Long.parseLong(id))
			.query(String.class)
			.single();
		String context = "integration/" + id + "/app_secret";
		assertThat(rotated.decrypt(sealedAppSecret, context)).isEqualTo(appSecret);
		assertThatThrownBy(() -> old.decrypt(sealedAppSecret, context)).isInstanceOf(IllegalStateException.class);
		List<String> credentials = this.jdbc.sql("SELECT credentials FROM connection").query(String.class).list();
		assertThat(credentials).isNotEmpty().allSatisfy((sealed) -> assertThat(rotated.current(sealed)).isTrue());
		assertThat(this.jdbc.sql("SELECT app_secret FROM integration").query(String.class).list())
			.allSatisfy((sealed) -> assertThat(rotated.current(sealed)).isTrue());
		assertThat(DatabaseDump.everything(this.jdbc)).doesNotContain(appSecret, apiKey);
	}

	private static Map<?, ?> post(RestTestClient admin, String uri, Map<String, String> body) {
		return admin.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
