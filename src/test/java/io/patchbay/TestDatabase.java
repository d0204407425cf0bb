package io.patchbay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test application context a database of its own, so that test runs never
 * collide: a fresh in-memory H2 database, or, when the system property
 * {@code patchbay.test.database} is {@code postgresql}, a fresh schema in the database
 * named by {@code PATCHBAY_TEST_POSTGRES_URL} (dropped when the JVM ends). The data dir
 * (generated master key) is a fresh temporary folder too.
 */
public final class TestDatabase {

	static final String POSTGRES_URL_VARIABLE = "PATCHBAY_TEST_POSTGRES_URL";

	private TestDatabase() {
	}

	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty("patchbay.test.database"));
	}

	static Map<String, Object> freshProperties() {
		String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("patchbay-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String url = postgresql() ? postgresSchema(name) : "jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		return Map.of("spring.datasource.url", url, "patchbay.data-dir", dataDir.toString());
	}

	private static String postgresSchema(String schema) {
		String url = System.getenv(POSTGRES_URL_VARIABLE);
		if (url == null || url.isBlank()) {
			throw new IllegalStateException(POSTGRES_URL_VARIABLE + " is not set");
		}
		execute(url, "CREATE SCHEMA " + schema);
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
			try {
				execute(url, "DROP SCHEMA " + schema + " CASCADE");
			}
			catch (RuntimeException ex) {
				// Best effort: a leftover schema is harmless and named uniquely.
			}
		}));
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	private static void execute(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot prepare the test database: " + ex.getMessage(), ex);
		}
	}

	static class CustomizerFactory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer();
		}

	}

	/** All instances are equal, so Spring's context cache still shares contexts. */
	static class Customizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("patchbay-test-database", freshProperties()));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Customizer;
		}

		@Override
		public int hashCode() {
			return Customizer.class.hashCode();
		}

	}

}
