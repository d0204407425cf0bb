package io.patchbay.webhooks;

import io.patchbay.integrations.DormancyExemption;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An integration that still receives webhooks is in use, even without API calls: dormancy
 * leaves it enabled.
 */
@Component
class ActiveSubscriptionsExemption implements DormancyExemption {

	private final JdbcClient jdbc;

	ActiveSubscriptionsExemption(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exempts(long integrationId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE integration_id = ? AND active = TRUE")
			.param(integrationId)
			.query(Long.class)
			.single() > 0;
	}

}
