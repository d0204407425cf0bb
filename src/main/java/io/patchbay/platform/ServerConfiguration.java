package io.patchbay.platform;

import org.apache.catalina.core.StandardHost;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Tomcat's own error answers speak the APIs' formats (see
 * {@link ApiErrorReportValve}), and caps the request bodies of the admin and member APIs
 * (see {@link ApiBodyLimit}).
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	/** Before sign-in, so that an oversized body costs no password check. */
	@Bean
	FilterRegistrationBean<ApiBodyLimit> apiBodyLimit(JsonMapper json) {
		FilterRegistrationBean<ApiBodyLimit> registration = new FilterRegistrationBean<>(new ApiBodyLimit(json));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
			}
		});
	}

}
