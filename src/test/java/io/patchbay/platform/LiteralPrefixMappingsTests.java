package io.patchbay.platform;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class LiteralPrefixMappingsTests {

	private static final RequestMappingInfo.BuilderConfiguration PATTERNS = new RequestMappingInfo.BuilderConfiguration();

	static {
		PATTERNS.setPatternParser(new PathPatternParser());
	}

	@Test
	void aMappingsPrefixesAreItsPatternsUpToTheFirstVariableOrWildcard() {
		assertThat(prefixes("/graph/{id}/feed", "/api/v1/groups/{id}")).containsExactlyInAnyOrder("/graph/",
				"/api/v1/groups/");
		assertThat(prefixes("/console/integrations")).containsExactly("/console/integrations");
		assertThat(prefixes("/webjars/**", "/files/*.png")).containsExactlyInAnyOrder("/webjars/", "/files/");
	}

	@Test
	void aMappingWithoutPatternsMayMatchAnyPath() {
		assertThat(LiteralPrefixMappings.prefixes(RequestMappingInfo.paths().options(PATTERNS).build()))
			.allSatisfy((prefix) -> assertThat("/anything").startsWith(prefix));
	}

	private static String[] prefixes(String... patterns) {
		return LiteralPrefixMappings.prefixes(RequestMappingInfo.paths(patterns).options(PATTERNS).build());
	}

}
