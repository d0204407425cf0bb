package io.patchbay.integrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.platform.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables integrations nobody uses: no API call for 60 days (counted from creation when
 * there never was one) and nothing that exempts them, such as an active webhook
 * subscription. Safe to run on every node at once: only the node whose update changes the
 * row writes the audit entry.
 */
@Service
class Dormancy {

	static final Duration IDLE_LIMIT = Duration.ofDays(60);

	private final IntegrationRepository repository;

	private final UsageRepository usage;

	private final List<DormancyExemption> exemptions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Dormancy(IntegrationRepository repository, UsageRepository usage, List<DormancyExemption> exemptions,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.usage = usage;
		this.exemptions = exemptions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Runs daily ({@code patchbay.integrations.dormancy-cron}); returns how many
	 * integrations it disabled.
	 */
	@Transactional
	int disableDormant() {
		Instant cutoff = this.clock.instant().minus(IDLE_LIMIT);
		Map<Long, String> candidates = this.repository.enabledCreatedBefore(cutoff);
		Set<Long> called = this.usage.calledSince(LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
		int disabled = 0;
		for (Map.Entry<Long, String> candidate : candidates.entrySet()) {
			long id = candidate.getKey();
			if (called.contains(id) || this.exemptions.stream().anyMatch((exemption) -> exemption.exempts(id))) {
				continue;
			}
			if (this.repository.disableDormant(id, this.clock.instant())) {
				this.events.publishEvent(new IntegrationChanged(id));
				this.audit.record("integration.disabled_dormant", Integrations.AUDIT_TYPE, String.valueOf(id),
						candidate.getValue(), "no API call for 60 days");
				disabled++;
			}
		}
		return disabled;
	}

}
