package io.patchbay.integrations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registry settings ({@code patchbay.integrations.*}).
 *
 * @param tokenCacheTtl how long a node keeps a resolved access token before reading it
 * again: how late other nodes of a cluster see a change to an integration
 * @param usageFlushInterval how often the in-memory call counts are added to the
 * database: how far the console's usage figures may lag
 * @param dormancyCron when the daily dormancy check runs (cron, UTC)
 */
@ConfigurationProperties("patchbay.integrations")
record IntegrationProperties(@DefaultValue("10s") Duration tokenCacheTtl,
		@DefaultValue("5s") Duration usageFlushInterval, @DefaultValue("0 17 3 * * *") String dormancyCron) {

}
