package io.patchbay.platform;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	@Bean(destroyMethod = "close")
	OutboundHttp outboundHttp(PatchbayProperties properties,
			@Value("${patchbay.outbound.allowed-cidrs:}") List<String> allowedCidrs,
			@Value("${patchbay.outbound.max-per-host:16}") int maxPerHost,
			@Value("${patchbay.outbound.max-total:512}") int maxTotal) {
		return new OutboundHttp(properties.production(), allowedCidrs, maxPerHost, maxTotal,
				"Patchbay-Webhooks/" + version());
	}

	private static String version() {
		String version = OutboundConfiguration.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
