package io.patchbay.graph;

import io.patchbay.platform.RequestAttributeArgument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

/**
 * Wires the Graph API: its own stateless security chain (integrations authenticate with
 * tokens, checked by {@link GraphGateway}, not with sessions or CSRF tokens), the gateway
 * in front of every endpoint, and the optional version segment.
 */
@Configuration(proxyBeanMethods = false)
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
		resolvers.add(new RequestAttributeArgument(GraphCaller.class, GraphGateway.CALLER));
	}

	/**
	 * {@code /graph/v19.0/me} is {@code /graph/me}: the version is accepted and ignored.
	 */
	@Bean
	FilterRegistrationBean<VersionSegment> graphVersionSegment(JsonMapper json) {
		FilterRegistrationBean<VersionSegment> registration = new FilterRegistrationBean<>(new VersionSegment(json));
		registration.addUrlPatterns("/graph/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Strips the version segment by forwarding within {@code /graph}. A path with a dot
	 * segment ({@code ..}, {@code .}, encoded or not) or a path parameter ({@code ;}) is
	 * refused first with error 100: Tomcat resolves those before the filter sees the
	 * path, so {@code /graph/v1.0/../api/admin} would otherwise be forwarded out of the
	 * Graph API, past its security chain.
	 */
	static class VersionSegment extends OncePerRequestFilter {

		private static final Pattern VERSIONED = Pattern.compile("^/graph/v\\d+(?:\\.\\d+)?(/.*)?$");

		private final JsonMapper json;

		VersionSegment(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (!plain(path)) {
				refuse(request, response);
				return;
			}
			Matcher matcher = VERSIONED.matcher(path);
			if (matcher.matches()) {
				String rest = (matcher.group(1) != null) ? matcher.group(1) : "/";
				request.getRequestDispatcher("/graph" + rest).forward(request, response);
				return;
			}
			chain.doFilter(request, response);
		}

		/** No path parameter and no dot segment, once percent-decoded. */
		private static boolean plain(String rawPath) {
			String path;
			try {
				path = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
			if (path.indexOf(';') >= 0 || path.indexOf('\\') >= 0) {
				return false;
			}
			for (String segment : path.split("/", -1)) {
				if (segment.equals(".") || segment.equals("..")) {
					return false;
				}
			}
			return true;
		}

		private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("message", "(#100) Invalid path");
			error.put("type", GraphException.OAUTH);
			error.put("code", 100);
			error.put("fbtrace_id", GraphErrors.trace(request));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType("application/json");
			response.setCharacterEncoding("utf-8");
			this.json.writeValue(response.getWriter(), Map.of("error", error));
		}

	}

}
