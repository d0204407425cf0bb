package io.patchbay.workflows;

import java.sql.Timestamp;
import java.time.Clock;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether members build workflows of their own: on by default
 * ({@code PATCHBAY_WORKFLOWS_MEMBERS_MAY_BUILD}), and turned off or on again by an
 * administrator holding {@code manage_workflows} in the console. Kept in one row of
 * {@code workflow_settings}, read on every creation, so that every node applies a change
 * at once. Workflows members already made stay theirs.
 */
@Service
@Transactional
public class BuildingSettings {

	private static final int ROW = 1;

	private final JdbcClient jdbc;

	private final WorkflowProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	BuildingSettings(JdbcClient jdbc, WorkflowProperties properties, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean membersMayBuild() {
		return this.jdbc.sql("SELECT members_may_build FROM workflow_settings WHERE id = ?")
			.param(ROW)
			.query(Boolean.class)
			.optional()
			.orElse(this.properties.membersMayBuild());
	}

	public void membersMayBuild(Actor.Administrator administrator, boolean allowed) {
		WorkflowRules.manage(administrator);
		Timestamp now = Timestamp.from(this.clock.instant());
		String by = administrator.name();
		if (this.jdbc
			.sql("UPDATE workflow_settings SET members_may_build = ?, updated_at = ?, updated_by = ? WHERE id = ?")
			.params(allowed, now, by, ROW)
			.update() == 0) {
			this.jdbc.sql(
					"INSERT INTO workflow_settings (id, members_may_build, updated_at, updated_by) VALUES (?, ?, ?, ?)")
				.params(ROW, allowed, now, by)
				.update();
		}
		this.audit.record("workflows.settings_changed", "workflow_settings", String.valueOf(ROW), "Workflows",
				"members_may_build=" + allowed);
	}

}
