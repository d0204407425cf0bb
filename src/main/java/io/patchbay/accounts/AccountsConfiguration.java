package io.patchbay.accounts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The accounts module's settings, and forgetting spent sign-in counters once per failure
 * window.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInProperties.class)
class AccountsConfiguration implements SchedulingConfigurer {

	private final LoginThrottle throttle;

	private final SignInProperties properties;

	AccountsConfiguration(LoginThrottle throttle, SignInProperties properties) {
		this.throttle = throttle;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.throttle::forgetRefilled, this.properties.failureWindow());
	}

}
