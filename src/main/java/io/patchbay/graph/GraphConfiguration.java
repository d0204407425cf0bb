package io.patchbay.graph;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the Graph API: its own stateless security chain (integrations authenticate with
 * tokens, checked by {@link GraphGateway}, not with sessions or CSRF tokens), the gateway
 * in front of every endpoint, and the optional version segment.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphProperties.class)
class GraphConfiguration implements WebMvcConfigurer {

	private final GraphGateway gateway;

	GraphConfiguration(GraphGateway gateway) {
		this.gateway = gateway;
	}

	@Bean
	@Order(0)
	SecurityFilterChain graphSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/graph/**", "/graph")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.gateway).addPathPatterns("/graph", "/graph/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == GraphCaller.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return request.getAttribute(GraphGateway.CALLER, NativeWebRequest.SCOPE_REQUEST);
			}
		});
	}

	/**
	 * {@code /graph/v19.0/me} is {@code /graph/me}: the version is accepted and ignored.
	 */
	@Bean
	FilterRegistrationBean<VersionSegment> graphVersionSegment() {
		FilterRegistrationBean<VersionSegment> registration = new FilterRegistrationBean<>(new VersionSegment());
		registration.addUrlPatterns("/graph/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static class VersionSegment extends OncePerRequestFilter {

		private static final Pattern VERSIONED = Pattern.compile("^/graph/v\\d+(?:\\.\\d+)?(/.*)?$");

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher matcher = VERSIONED.matcher(request.getRequestURI().substring(request.getContextPath().length()));
			if (matcher.matches()) {
				String rest = (matcher.group(1) != null) ? matcher.group(1) : "/";
				request.getRequestDispatcher("/graph" + rest).forward(request, response);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
