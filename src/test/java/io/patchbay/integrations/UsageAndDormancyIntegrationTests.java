package io.patchbay.integrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.patchbay.platform.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage figures through {@link IntegrationUsage}'s own API, and dormancy.
 */
@SpringBootTest
class UsageAndDormancyIntegrationTests {

	@Autowired
	Integrations integrations;

	@Autowired
	IntegrationUsage usage;

	@Autowired
	Dormancy dormancy;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsCallsInMemoryAndFlushesThemAsDailyFigures() {
		Integration integration = this.integrations.create("Counted " + System.nanoTime(), "", IntegrationKind.CUSTOM);
		for (int i = 0; i < 25; i++) {
			this.usage.record(integration.id());
		}
		assertThat(this.usage.usage(integration.id()).requestsLast7Days()).isZero();

		this.usage.flush();
		this.usage.record(integration.id());
		this.usage.flush();

		Usage figures = this.usage.usage(integration.id());
		assertThat(figures.requestsLast7Days()).isEqualTo(26);
		assertThat(figures.lastRequestDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
		assertThat(this.usage.all()).containsEntry(integration.id(), figures);
	}

	@Test
	void callsOlderThanSevenDaysLeaveTheWeeklyCountButKeepTheLastDate() {
		Integration integration = this.integrations.create("Old calls " + System.nanoTime(), "",
				IntegrationKind.CUSTOM);
		LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusDays(9);
		this.jdbc.sql("INSERT INTO integration_usage (integration_id, usage_day, request_count) VALUES (?, ?, 40)")
			.params(integration.id(), java.sql.Date.valueOf(longAgo))
			.update();

		assertThat(this.usage.usage(integration.id())).isEqualTo(new Usage(longAgo, 0));
	}

	@Test
	void disablesIntegrationsWithoutCallsFor60DaysAndRecordsWhy() {
		Integration idle = this.integrations.create("Idle " + System.nanoTime(), "", IntegrationKind.BOT);
		Integration busy = this.integrations.create("Busy " + System.nanoTime(), "", IntegrationKind.BOT);
		Integration young = this.integrations.create("Young " + System.nanoTime(), "", IntegrationKind.BOT);
		Timestamp longAgo = Timestamp.from(Instant.now().minus(90, ChronoUnit.DAYS));
		this.jdbc.sql("UPDATE integration SET created_at = ? WHERE id IN (?, ?)")
			.params(longAgo, idle.id(), busy.id())
			.update();
		this.usage.record(busy.id());
		this.usage.flush();

		assertThat(this.dormancy.disableDormant()).isGreaterThanOrEqualTo(1);

		Integration disabled = this.integrations.find(idle.id());
		assertThat(disabled.enabled()).isFalse();
		assertThat(disabled.disabledReason()).isEqualTo(Integration.DORMANT);
		assertThat(this.integrations.find(busy.id()).enabled()).isTrue();
		assertThat(this.integrations.find(young.id()).enabled()).isTrue();
		assertThat(this.audit.latest(50)).anySatisfy((entry) -> {
			assertThat(entry.action()).isEqualTo("integration.disabled_dormant");
			assertThat(entry.objectId()).isEqualTo(String.valueOf(idle.id()));
			assertThat(entry.actorName()).isEqualTo("system");
		});

		// An administrator re-enables it; the notice goes away.
		Integration reenabled = this.integrations.update(idle.id(), new IntegrationChanges(null, null, true, null));
		assertThat(reenabled.enabled()).isTrue();
		assertThat(reenabled.disabledReason()).isNull();
	}

}
