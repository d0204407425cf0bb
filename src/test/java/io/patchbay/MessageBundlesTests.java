package io.patchbay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in English and in French: no key is left to one language. */
class MessageBundlesTests {

	@ParameterizedTest
	@ValueSource(strings = { "messages", "accounts", "community", "chat", "workflows" })
	void eachBundleHasTheSameKeysInBothLanguages(String bundle) throws IOException {
		Set<String> english = load("i18n/" + bundle + ".properties").stringPropertyNames();
		Set<String> french = load("i18n/" + bundle + "_fr.properties").stringPropertyNames();
		assertThat(french).as("French keys of " + bundle).containsExactlyInAnyOrderElementsOf(english);
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream input = MessageBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(input).as(path).isNotNull();
			properties.load(new InputStreamReader(input, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
