package io.patchbay;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.platform.PatchbayProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Patchbay node for the tests of a cluster: the same database and data dir
 * (master key) as the test's own context, a port of its own.
 */
public record SecondNode(ConfigurableApplicationContext context) implements AutoCloseable {

	public static SecondNode start(HikariDataSource dataSource, PatchbayProperties properties, String... settings) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + dataSource.getJdbcUrl(),
						"--spring.datasource.username=" + dataSource.getUsername(),
						"--patchbay.data-dir=" + properties.dataDir()));
		arguments.addAll(List.of(settings));
		return new SecondNode(
				new SpringApplicationBuilder(PatchbayApplication.class).run(arguments.toArray(String[]::new)));
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
