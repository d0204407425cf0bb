package io.patchbay.integrations;

import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Schedules the registry's background work from its settings: the usage flush and the
 * daily dormancy check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IntegrationProperties.class, CallLimitProperties.class })
class IntegrationsConfiguration implements SchedulingConfigurer {

	private final IntegrationProperties properties;

	private final IntegrationUsage usage;

	private final Dormancy dormancy;

	IntegrationsConfiguration(IntegrationProperties properties, IntegrationUsage usage, Dormancy dormancy) {
		this.properties = properties;
		this.usage = usage;
		this.dormancy = dormancy;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.usage::flush, this.properties.usageFlushInterval());
		registrar.addCronTask(new CronTask(this.dormancy::disableDormant,
				new CronTrigger(this.properties.dormancyCron(), ZoneOffset.UTC)));
	}

}
