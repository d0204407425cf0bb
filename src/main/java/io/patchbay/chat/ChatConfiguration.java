package io.patchbay.chat;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatProperties.class)
class ChatConfiguration {

	/**
	 * The event log keeps what reconnecting streams replay for a day, then forgets it.
	 */
	@Bean
	SchedulingConfigurer chatEventPurge(ChatEventRepository events, ChatProperties properties, Clock clock) {
		return (registrar) -> registrar.addFixedDelayTask(
				() -> events.purge(clock.instant().minus(properties.eventRetention())),
				properties.eventRetention().dividedBy(24));
	}

}
