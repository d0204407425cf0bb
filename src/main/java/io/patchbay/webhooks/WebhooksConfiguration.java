package io.patchbay.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the delivery log's housekeeping from the settings: the queue gauges, and the
 * purge (first a minute after start, so that a restart does not begin with a long
 * delete).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhooksConfiguration implements SchedulingConfigurer {

	private static final Duration FIRST_PURGE = Duration.ofMinutes(1);

	private final WebhookProperties properties;

	private final DeliveryHousekeeping housekeeping;

	WebhooksConfiguration(WebhookProperties properties, DeliveryHousekeeping housekeeping) {
		this.properties = properties;
		this.housekeeping = housekeeping;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.housekeeping::measureQueue, this.properties.queueMeasureInterval());
		registrar.addFixedDelayTask(
				new FixedDelayTask(this.housekeeping::purge, this.properties.purgeInterval(), FIRST_PURGE));
	}

}
