package io.patchbay.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ PatchbayProperties.class, IdProperties.class })
class PlatformConfiguration {

	@Bean
	static StartupGuard startupGuard() {
		return new StartupGuard();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	NodeLease nodeLease(JdbcClient jdbc, IdProperties properties) {
		return new NodeLease(jdbc, properties.lease());
	}

	@Bean
	Ids ids(Clock clock, NodeLease lease) {
		return new Ids(clock, lease);
	}

	@Bean
	SchedulingConfigurer nodeLeaseRenewal(NodeLease lease) {
		return (registrar) -> registrar.addFixedDelayTask(lease::renew, lease.renewalInterval());
	}

}
