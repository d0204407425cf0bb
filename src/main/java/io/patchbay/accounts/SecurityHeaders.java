package io.patchbay.accounts;

import io.patchbay.platform.PatchbayProperties;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The headers every page and API answer carries. The Content-Security-Policy allows
 * script, style and images from Patchbay itself only (and images as {@code data:} URLs):
 * a post's Markdown can neither run script nor make a reader's browser call an admin URL
 * through an image. The pages keep to it: no inline script or style, htmx's indicator
 * style switched off. HSTS follows the base URL, not the request, so that it is sent
 * behind a proxy that ends TLS too. The API documentation's Swagger UI sets inline styles
 * from its script: its pages alone allow them.
 */
final class SecurityHeaders {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String API_DOCS_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	private static final RequestMatcher API_DOCS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/api-docs/**"));

	/** A year: browsers keep to https for that long after one visit. */
	static final long HSTS_MAX_AGE = 365L * 24 * 60 * 60;

	private SecurityHeaders() {
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> of(PatchbayProperties properties) {
		return (headers) -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS),
					new ContentSecurityPolicyHeaderWriter(POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
					new ContentSecurityPolicyHeaderWriter(API_DOCS_POLICY)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable)
			.addHeaderWriter(hsts(properties));
	}

	/**
	 * Strict-Transport-Security on every answer when Patchbay is served over https; its
	 * subdomains are not Patchbay's to decide.
	 */
	static HeaderWriter hsts(PatchbayProperties properties) {
		if (!"https".equalsIgnoreCase(properties.baseUrl().getScheme())) {
			return (request, response) -> {
			};
		}
		return new HstsHeaderWriter(AnyRequestMatcher.INSTANCE, HSTS_MAX_AGE, false);
	}

}
