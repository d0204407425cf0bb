package io.patchbay.scim;

import io.patchbay.platform.RequestAttributeArgument;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires SCIM: its own stateless security chain (identity providers authenticate with an
 * integration's token, checked by {@link ScimGateway}, not with sessions or CSRF tokens)
 * and the gateway in front of every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class ScimConfiguration implements WebMvcConfigurer {

	static final String BASE = "/scim/v2";

	private final ScimGateway gateway;

	ScimConfiguration(ScimGateway gateway) {
		this.gateway = gateway;
	}

	@Bean
	@Order(0)
	SecurityFilterChain scimSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/scim/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.gateway).addPathPatterns("/scim/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RequestAttributeArgument(ScimCaller.class, ScimGateway.CALLER));
	}

}
