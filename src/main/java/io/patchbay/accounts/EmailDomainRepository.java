package io.patchbay.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email_domain} table: the community's email domains, in lower case. */
@Repository
class EmailDomainRepository {

	private final JdbcClient jdbc;

	EmailDomainRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<String> all() {
		return this.jdbc.sql("SELECT domain FROM email_domain ORDER BY domain").query(String.class).list();
	}

	void replace(Collection<String> domains, Instant now) {
		this.jdbc.sql("DELETE FROM email_domain").update();
		for (String domain : domains) {
			this.jdbc.sql("INSERT INTO email_domain (domain, created_at) VALUES (?, ?)")
				.params(domain, Timestamp.from(now))
				.update();
		}
	}

}
