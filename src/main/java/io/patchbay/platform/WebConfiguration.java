package io.patchbay.platform;

import java.time.Duration;
import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The console's language: chosen with {@code ?lang=en} or {@code ?lang=fr} and kept in a
 * cookie, so an administrator's choice outlives the session and survives sign-in; and the
 * API reference's heading.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Boot's MVC configuration, with request mappings that skip what cannot match. */
	@Bean
	WebMvcRegistrations literalPrefixMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new LiteralPrefixMappings();
			}
		};
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("patchbay-lang");
		// Without a chosen language, follow the browser's when it is one we speak.
		resolver.setDefaultLocaleFunction(
				(request) -> "fr".equals(request.getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * The title and summary of the API reference at {@code /api-docs}, one document per
	 * API.
	 */
	@Bean
	OpenAPI apiReference() {
		return new OpenAPI().info(new Info().title("Patchbay API")
			.version("v1")
			.description("Integrations, bots, members and groups of a self-hosted collaboration space: "
					+ "the admin API, the member API, the Workplace-compatible Graph API, SCIM 2.0 provisioning "
					+ "and workflow triggers. Choose one in \"Select a definition\"."));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		// A hand-edited ?lang=xx must not turn into an error page.
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch);
	}

}
