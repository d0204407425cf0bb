package io.patchbay.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

	@Bean(destroyMethod = "close")
	OutboundHttp outboundHttp(PatchbayProperties properties, OutboundProperties outbound) {
		return new OutboundHttp(properties.production(), outbound, "Patchbay-Webhooks/" + version());
	}

	private static String version() {
		String version = OutboundConfiguration.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
