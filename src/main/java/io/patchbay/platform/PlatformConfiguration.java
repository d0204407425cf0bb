package io.patchbay.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PatchbayProperties.class)
class PlatformConfiguration {

	@Bean
	static StartupGuard startupGuard() {
		return new StartupGuard();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
