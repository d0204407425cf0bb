package io.patchbay.workflows;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Binds the workflow settings and schedules the run history's housekeeping: the queue
 * gauges, and the purge (first a minute after start).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
class WorkflowsConfiguration implements SchedulingConfigurer {

	private static final Duration FIRST_PURGE = Duration.ofMinutes(1);

	private final WorkflowProperties properties;

	private final RunHousekeeping housekeeping;

	WorkflowsConfiguration(WorkflowProperties properties, RunHousekeeping housekeeping) {
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
