package io.patchbay.platform;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Tomcat's own error answers speak the APIs' formats (see
 * {@link ApiErrorReportValve}).
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
			}
		});
	}

}
