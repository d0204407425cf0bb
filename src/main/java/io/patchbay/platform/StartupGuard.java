package io.patchbay.platform;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Refuses to start production mode on unsafe settings before any bean touches the
 * database: the embedded database (unless explicitly allowed), no master key, or a
 * plain-http base URL.
 */
class StartupGuard implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder binder = Binder.get(this.environment);
		PatchbayProperties properties = binder.bindOrCreate("patchbay", PatchbayProperties.class);
		if (!properties.production()) {
			return;
		}
		String url = binder.bind("spring.datasource.url", String.class).orElse("");
		if (url.startsWith("jdbc:h2:") && !properties.allowEmbeddedDb()) {
			throw new StartupRefusedException("Production mode needs PostgreSQL: set SPRING_DATASOURCE_URL, "
					+ "_USERNAME and _PASSWORD (or PATCHBAY_ALLOW_EMBEDDED_DB=true to run on the embedded database)");
		}
		if (properties.masterKey() == null || properties.masterKey().isBlank()) {
			throw new StartupRefusedException(
					"PATCHBAY_MASTER_KEY is required in production mode (base64 of 32 random bytes: openssl rand -base64 32)");
		}
		if (!"https".equals(properties.baseUrl().getScheme())) {
			throw new StartupRefusedException("PATCHBAY_BASE_URL must be an https URL in production mode");
		}
	}

}
