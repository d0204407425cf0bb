package io.patchbay.accounts;

import java.util.Map;

import io.patchbay.platform.ClientAddresses;
import io.patchbay.platform.PatchbayProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Who may call what: the REST APIs with HTTP Basic or the console session (errors as
 * problem details), the console and its pages with the sign-in form. Fine-grained admin
 * permissions are checked on each controller with {@code @PreAuthorize}, and again by the
 * accounts rules themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The one answer to a failed or missing sign-in, whatever the account's state, so
	 * that it tells nothing about the account.
	 */
	static final String SIGN_IN_REQUIRED = "Sign-in required: the email or password is wrong or missing";

	private static final String[] ADMIN_AUTHORITIES = java.util.Arrays.stream(AdminPermission.values())
		.map(AdminPermission::authority)
		.toArray(String[]::new);

	@Bean
	PasswordEncoder passwordEncoder() {
		// Hashing off the virtual threads' carriers, one hasher per core.
		return new PasswordHashing(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Runtime.getRuntime().availableProcessors());
	}

	/**
	 * No observation per security filter and per authorization check: on the Graph and
	 * webhook hot paths they cost more than the filters they time (profiled in
	 * BENCHMARKS.md); each request is still measured as a whole
	 * ({@code http.server.requests}), and sign-ins still are.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.build();
	}

	@Bean
	SignInAccounts signInAccounts(MemberRepository members, PasswordEncoder passwordEncoder) {
		return new SignInAccounts(members, passwordEncoder);
	}

	/**
	 * Spring Security's password check, made to cost the same for every account: the
	 * account's state is checked only after its password, with the same exception as a
	 * wrong password, and unknown and unclaimed accounts are compared with a hash too.
	 */
	@Bean
	DaoAuthenticationProvider passwordCheck(SignInAccounts accounts, PasswordEncoder passwordEncoder,
			SingleSignOn sso) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(passwordEncoder);
		passwords.setPreAuthenticationChecks((user) -> {
		});
		passwords.setPostAuthenticationChecks((user) -> {
			// With passwords turned off, a right password counts as a wrong one.
			if (!user.isEnabled() || !sso.allowsPassword(user.getUsername())) {
				throw new BadCredentialsException("Bad credentials");
			}
		});
		return passwords;
	}

	/** The sign-in form's password check, behind the throttle. */
	@Bean
	ThrottledAuthenticationProvider passwordSignIn(DaoAuthenticationProvider passwordCheck, LoginThrottle throttle,
			SignInProperties properties) {
		return new ThrottledAuthenticationProvider(passwordCheck, throttle, properties);
	}

	/**
	 * The APIs' HTTP Basic: a successful check remembered for a minute, else the
	 * throttled password check.
	 */
	@Bean
	AuthenticationManager authenticationManager(ThrottledAuthenticationProvider passwordSignIn, LoginThrottle throttle,
			MemberRepository members, SingleSignOn sso) {
		return new ProviderManager(new BasicCredentialsMemo(passwordSignIn, members, sso, throttle));
	}

	/**
	 * What a sign-in records of its request: the client address resolved through the
	 * trusted proxies, for the throttle.
	 */
	@Bean
	AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> signInDetails(ClientAddresses addresses) {
		return (request) -> {
			HttpSession session = request.getSession(false);
			return new WebAuthenticationDetails(addresses.of(request), (session != null) ? session.getId() : null);
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager authenticationManager, JsonMapper json,
			MemberRepository members, PatchbayProperties properties, PersonalAccessTokens tokens,
			AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> signInDetails) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> {
			// Not to a page's own requests (a stream, htmx): the browser would answer
			// the challenge with a password dialog instead of letting the page see
			// the 401 and end.
			String fetchMode = request.getHeader("Sec-Fetch-Mode");
			if (fetchMode == null || fetchMode.equals("navigate")) {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Patchbay\"");
			}
			String detail = (ex instanceof ThrottledAuthenticationProvider.LoginThrottledException) ? ex.getMessage()
					: SIGN_IN_REQUIRED;
			writeProblem(json, response, HttpStatus.UNAUTHORIZED, detail);
		};
		AccessDeniedHandler denied = (request, response, ex) -> writeProblem(json, response, HttpStatus.FORBIDDEN,
				"Your account lacks the permission for this operation");
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			.addFilterAfter(new ActiveMemberFilter(members), SecurityContextHolderFilter.class)
			.addFilterBefore(
					new PersonalTokenFilter(tokens,
							(response, detail) -> writeProblem(json, response, HttpStatus.UNAUTHORIZED, detail)),
					BasicAuthenticationFilter.class)
			.headers(SecurityHeaders.of(properties))
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasAnyAuthority(ADMIN_AUTHORITIES)
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthenticated)
				.authenticationDetailsSource(signInDetails))
			.csrf((csrf) -> csrf.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleSecurity(HttpSecurity http, ThrottledAuthenticationProvider passwordSignIn,
			PatchbayProperties properties, MemberRepository members, SingleSignOnMembers sso,
			AuthenticationDetailsSource<HttpServletRequest, WebAuthenticationDetails> signInDetails) throws Exception {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(
				Map.of(ThrottledAuthenticationProvider.LoginThrottledException.class.getName(), "/login?throttled"));
		failures.setDefaultFailureUrl("/login?error");
		AuthenticationFailureHandler keepingTheEmail = (request, response, exception) -> {
			FailedSignIn.remember(request);
			failures.onAuthenticationFailure(request, response, exception);
		};
		// The pages take a password or the company's OpenID Connect provider.
		AuthenticationManager passwordOrProvider = new ProviderManager(passwordSignIn,
				new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
						sso));
		http.authenticationManager(passwordOrProvider)
			.addFilterAfter(new ActiveMemberFilter(members), SecurityContextHolderFilter.class)
			.headers(SecurityHeaders.of(properties))
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
				.authenticationDetailsSource(signInDetails)
				.defaultSuccessUrl("/", false)
				.failureHandler(keepingTheEmail))
			.oauth2Login((login) -> login.loginPage("/login")
				.clientRegistrationRepository(sso)
				.userInfoEndpoint((endpoint) -> endpoint.oidcUserService(sso))
				.successHandler(sso)
				.failureHandler(sso))
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
