package io.patchbay.accounts;

import java.util.Map;

import io.patchbay.platform.PatchbayProperties;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what: the REST APIs with HTTP Basic or the console session (errors as
 * problem details), the console and its pages with the sign-in form. Fine-grained admin
 * permissions are checked on each controller with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] ADMIN_AUTHORITIES = java.util.Arrays.stream(AdminPermission.values())
		.map(AdminPermission::authority)
		.toArray(String[]::new);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Members members) {
		return (email) -> members.findForSignIn(email)
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, JsonMapper json,
			Members members) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Patchbay\"");
			writeProblem(json, response, HttpStatus.UNAUTHORIZED, ex.getMessage());
		};
		AccessDeniedHandler denied = (request, response, ex) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
				"Your account lacks the permission for this operation");
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			.addFilterAfter(new ActiveMemberFilter(members), SecurityContextHolderFilter.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAnyAuthority(ADMIN_AUTHORITIES)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthenticated))
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			PatchbayProperties properties, Members members) throws Exception {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(
				Map.of(ThrottledAuthenticationProvider.LoginThrottledException.class.getName(), "/login?throttled"));
		failures.setDefaultFailureUrl("/login?error");
		http.authenticationManager(authenticationManager)
			.addFilterAfter(new ActiveMemberFilter(members), SecurityContextHolderFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests
					.requestMatchers("/login", "/invitations/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
							"/robots.txt", "/error")
					.permitAll();
				if (properties.production()) {
					requests.requestMatchers("/v3/api-docs/**", "/api-docs/**", "/swagger-ui/**")
						.hasAnyAuthority(ADMIN_AUTHORITIES);
				}
				else {
					requests.requestMatchers("/v3/api-docs/**", "/api-docs/**", "/swagger-ui/**").permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/", false)
				.failureHandler(failures))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"));
		return http.build();
	}

	/** The session cookie travels over https only when Patchbay is served over https. */
	@Bean
	ServletContextInitializer secureSessionCookie(PatchbayProperties properties) {
		return (servletContext) -> servletContext.getSessionCookieConfig()
			.setSecure("https".equals(properties.baseUrl().getScheme()));
	}

	private static void writeProblem(JsonMapper json, HttpServletResponse response, HttpStatus status, String detail)
			throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}

}
