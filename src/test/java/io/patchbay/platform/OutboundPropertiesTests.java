package io.patchbay.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound settings bind from the environment variables the README documents.
 */
class OutboundPropertiesTests {

	@Test
	void bindsTheDocumentedEnvironmentVariables() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env", Map.of("PATCHBAY_OUTBOUND_ALLOWED_CIDRS",
					"10.0.0.0/8,fd00::/8", "PATCHBAY_OUTBOUND_MAX_PER_HOST", "4")));
		ConfigurationPropertySources.attach(environment);

		OutboundProperties properties = Binder.get(environment)
			.bindOrCreate("patchbay.outbound", OutboundProperties.class);

		assertThat(properties.allowedCidrs()).containsExactly("10.0.0.0/8", "fd00::/8");
		assertThat(properties.maxPerHost()).isEqualTo(4);
		assertThat(properties.maxTotal()).isEqualTo(512);
	}

}
