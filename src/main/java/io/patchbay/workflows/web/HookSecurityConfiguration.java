package io.patchbay.workflows.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The trigger URLs are their own credential (the secret in the path): no sign-in, no
 * session, no CSRF token, as for any webhook receiver.
 */
@Configuration(proxyBeanMethods = false)
class HookSecurityConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain hookSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/hooks/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
