package io.patchbay.integrations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.patchbay.platform.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables integrations nobody uses: no API call for 60 days (counted from creation when
 * there never was one) and nothing that exempts them, such as an active webhook
 * subscription. Safe to run on every node at once: only the node whose update changes the
 * row writes the audit entry.
 */
@Service
public class Dormancy {

	static final Duration IDLE_LIMIT = Duration.ofDays(60);

	private final JdbcClient jdbc;

	private final List<DormancyExemption> exemptions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Dormancy(JdbcClient jdbc, List<DormancyExemption> exemptions, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.exemptions = exemptions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private record Candidate(long id, String name) {
	}

	/** Runs daily; returns how many integrations it disabled. */
	@Scheduled(cron = "${patchbay.dormancy.cron:0 17 3 * * *}", zone = "UTC")
	@Transactional
	public int disableDormant() {
		Instant cutoff = this.clock.instant().minus(IDLE_LIMIT);
		List<Candidate> candidates = this.jdbc.sql("""
				SELECT i.id, i.name FROM integration i
				WHERE i.enabled = TRUE AND i.created_at < :cutoff
				  AND NOT EXISTS (SELECT 1 FROM integration_usage u
				                  WHERE u.integration_id = i.id AND u.usage_day >= :cutoffDay)""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("cutoffDay", Date.valueOf(LocalDate.ofInstant(cutoff, ZoneOffset.UTC)))
			.query((rs, row) -> new Candidate(rs.getLong("id"), rs.getString("name")))
			.list();
		int disabled = 0;
		for (Candidate candidate : candidates) {
			if (this.exemptions.stream().anyMatch((exemption) -> exemption.exempts(candidate.id()))) {
				continue;
			}
			int updated = this.jdbc
				.sql("UPDATE integration SET enabled = FALSE, disabled_reason = ?, updated_at = ? "
						+ "WHERE id = ? AND enabled = TRUE")
				.params(Integration.DORMANT, Timestamp.from(this.clock.instant()), candidate.id())
				.update();
			if (updated == 1) {
				this.events.publishEvent(new IntegrationChanged(candidate.id()));
				this.audit.record("integration.disabled_dormant", Integrations.AUDIT_TYPE,
						String.valueOf(candidate.id()), candidate.name(), "no API call for 60 days");
				disabled++;
			}
		}
		return disabled;
	}

}
