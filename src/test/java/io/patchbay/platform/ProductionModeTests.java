package io.patchbay.platform;

import java.nio.file.Path;
import java.util.UUID;

import io.patchbay.PatchbayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production mode refuses unsafe settings before touching the database.
 */
class ProductionModeTests {

	@TempDir
	Path dataDir;

	@Test
	void refusesTheEmbeddedDatabase() {
		assertThatThrownBy(() -> start("patchbay.mode=production", "patchbay.master-key=" + key(),
				"patchbay.base-url=https://patchbay.example.com"))
			.isInstanceOf(StartupRefusedException.class)
			.hasMessageContaining("PostgreSQL");
	}

	@Test
	void refusesToStartWithoutAMasterKey() {
		assertThatThrownBy(() -> start("patchbay.mode=production", "patchbay.allow-embedded-db=true",
				"patchbay.base-url=https://patchbay.example.com"))
			.isInstanceOf(StartupRefusedException.class)
			.hasMessageContaining("PATCHBAY_MASTER_KEY");
	}

	@Test
	void refusesAPlainHttpBaseUrl() {
		assertThatThrownBy(() -> start("patchbay.mode=production", "patchbay.allow-embedded-db=true",
				"patchbay.master-key=" + key(), "patchbay.base-url=http://patchbay.example.com"))
			.isInstanceOf(StartupRefusedException.class)
			.hasMessageContaining("https");
	}

	private void start(String... properties) {
		String[] all = new String[properties.length + 2];
		System.arraycopy(properties, 0, all, 0, properties.length);
		all[properties.length] = "patchbay.data-dir=" + this.dataDir;
		all[properties.length + 1] = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID();
		new SpringApplicationBuilder(PatchbayApplication.class).web(WebApplicationType.NONE)
			.properties(all)
			.run()
			.close();
	}

	private static String key() {
		return java.util.Base64.getEncoder().encodeToString(new byte[32]);
	}

}
