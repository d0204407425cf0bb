package io.patchbay.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once ready, which mode and database run and where the console is.
 */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	private final PatchbayProperties properties;

	private final DataSource dataSource;

	StartupBanner(PatchbayProperties properties, DataSource dataSource) {
		this.properties = properties;
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready(ApplicationReadyEvent event) throws SQLException {
		String database;
		try (Connection connection = this.dataSource.getConnection()) {
			database = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		boolean embedded = database.startsWith("H2");
		log.info("Patchbay is ready in {} mode on {}{} in {} ms. Console: {}/console",
				this.properties.mode().name().toLowerCase(), database,
				embedded ? " (embedded, in " + this.properties.dataDir().toAbsolutePath().normalize() + ")" : "",
				event.getTimeTaken().toMillis(), this.properties.baseUrl());
		if (embedded) {
			log.warn("The embedded H2 database is for trying Patchbay out; use PostgreSQL in production");
		}
	}

}
