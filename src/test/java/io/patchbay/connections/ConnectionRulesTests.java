package io.patchbay.connections;

import java.util.Locale;
import java.util.stream.Stream;

import io.patchbay.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of {@code connections.md}, one row per case. */
class ConnectionRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "abc", "zendesk", "Zendesk_Prod-2", "a-b", "___",
			"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-" })
	void acceptsNamesOfLettersDigitsUnderscoresAndHyphens(String name) {
		assertThat(ConnectionRules.name(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "ab", "has space", "dot.ted", "slash/ed", "émoji", "semi;colon", "colon:" })
	void refusesOtherNames(String name) {
		assertRefused(() -> ConnectionRules.name(name), "name");
	}

	@Test
	void refusesNamesLongerThan64() {
		assertRefused(() -> ConnectionRules.name("x".repeat(65)), "name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "api.example.com", "API.Example.COM", "a.b.c.example.co.uk",
			"my-shop.myshopify.com", "*.example.com", "*.api.example.com", "*.example.com.au", "*.shop.myshopify.com",
			"xn--bcher-kva.example", "a1.b2", "co.uk" })
	void acceptsHostNamesAndLeadingWildcards(String domain) {
		assertThat(AllowedDomain.parse(domain).value()).isEqualTo(domain.toLowerCase(Locale.ROOT));
	}

	static Stream<Arguments> refusedDomains() {
		return Stream.of(Arguments.of("", "required"), Arguments.of("localhost", "two labels"),
				Arguments.of("com", "two labels"), Arguments.of("127.0.0.1", "IP address"),
				Arguments.of("10.1.2.3", "IP address"), Arguments.of("[::1]", "IP address"),
				Arguments.of("::1", "IP address"), Arguments.of("1.2.3.4.5", "IP address"),
				Arguments.of("-example.com", "valid host name"), Arguments.of("example-.com", "valid host name"),
				Arguments.of("exa_mple.com", "valid host name"), Arguments.of("example..com", "valid host name"),
				Arguments.of("example.com.", "valid host name"), Arguments.of(".example.com", "valid host name"),
				Arguments.of("https://example.com", "valid host name"),
				Arguments.of("example.com/path", "valid host name"), Arguments.of("example.com:443", "valid host name"),
				Arguments.of("exam*.com", "leading '*.'"), Arguments.of("my-*.example.com", "leading '*.'"),
				Arguments.of("*example.com", "leading '*.'"), Arguments.of("*.*.example.com", "leading '*.'"),
				Arguments.of("api.*.example.com", "leading '*.'"), Arguments.of("*", "leading '*.'"),
				Arguments.of("*.com", "public suffix"), Arguments.of("*.com.au", "public suffix"),
				Arguments.of("*.co.uk", "public suffix"), Arguments.of("*.myshopify.com", "public suffix"),
				Arguments.of("*.github.io", "public suffix"), Arguments.of("*.blogspot.com", "public suffix"),
				Arguments.of("a".repeat(64) + ".com", "63 characters"),
				Arguments.of(("a".repeat(60) + ".").repeat(2) + "b".repeat(10) + ".com", "128 characters"));
	}

	@ParameterizedTest
	@MethodSource("refusedDomains")
	void refusesOtherDomains(String domain, String rule) {
		assertThatThrownBy(() -> AllowedDomain.parse(domain)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> {
					assertThat(ex.field()).isEqualTo("allowedDomain");
					assertThat(ex.getMessage()).contains(rule);
				});
	}

	static Stream<Arguments> coverage() {
		return Stream.of(Arguments.of("api.example.com", "api.example.com", true),
				Arguments.of("api.example.com", "API.EXAMPLE.COM", true),
				Arguments.of("api.example.com", "api.example.com.", true),
				Arguments.of("api.example.com", "example.com", false),
				Arguments.of("api.example.com", "x.api.example.com", false),
				Arguments.of("api.example.com", "api.example.com.evil.net", false),
				Arguments.of("*.example.com", "example.com", true),
				Arguments.of("*.example.com", "a.example.com", true),
				Arguments.of("*.example.com", "a.b.example.com", true),
				Arguments.of("*.example.com", "badexample.com", false),
				Arguments.of("*.example.com", "example.com.evil.net", false),
				Arguments.of("*.example.com", "example.org", false));
	}

	@ParameterizedTest
	@MethodSource("coverage")
	void aWildcardCoversTheBareDomainAndEverySubdomain(String domain, String host, boolean covered) {
		assertThat(AllowedDomain.parse(domain).covers(host)).isEqualTo(covered);
	}

	@ParameterizedTest
	@ValueSource(strings = { "X-Api-Key", "api_key", "Authorization", "X-Zendesk-Token", "x-amz", "X-Forwarded" })
	void acceptsHeaderNamesOfLettersHyphensAndUnderscores(String header) {
		assertThat(ConnectionRules.headerName(ConnectionType.API_KEY, header)).isEqualTo(header);
	}

	@ParameterizedTest
	@ValueSource(strings = { "accept", "accept-charset", "accept-encoding", "accept-language", "cache-control",
			"connection", "content-md5", "cookie", "date", "expect", "from", "host", "if-match", "if-modified-since",
			"if-none-match", "if-range", "if-unmodified-since", "max-forwards", "pragma", "proxy-authenticate",
			"proxy-authorization", "range", "server", "referer", "te", "trailer", "transfer-encoding", "upgrade",
			"user-agent", "via", "warning", "www-authenticate" })
	void refusesEveryReservedHeaderWhateverItsCase(String header) {
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, header), "headerName");
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, header.toUpperCase(Locale.ROOT)),
				"headerName");
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, capitalized(header)), "headerName");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x-amz-key", "X-Amz-Security-Token", "x-amzn-trace", "X-AMZN-Key", "x-forwarded-for",
			"X-Forwarded-Host", "x-patchbay-signature", "X-PATCHBAY-Key" })
	void refusesReservedPrefixes(String header) {
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, header), "headerName");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "X Api Key", "X-Api-Key2", "X:Key", "X.Key", "Clé" })
	void refusesHeaderNamesWithOtherCharacters(String header) {
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, header), "headerName");
	}

	@Test
	void refusesHeaderNamesLongerThan128() {
		assertThat(ConnectionRules.headerName(ConnectionType.API_KEY, "X".repeat(128))).hasSize(128);
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, "X".repeat(129)), "headerName");
	}

	@Test
	void aHeaderNameBelongsToApiKeyConnectionsOnly() {
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.API_KEY, null), "headerName");
		assertRefused(() -> ConnectionRules.headerName(ConnectionType.BEARER, "X-Key"), "headerName");
		assertThat(ConnectionRules.headerName(ConnectionType.BASIC, null)).isNull();
	}

	static Stream<Arguments> refusedCredentials() {
		return Stream.of(Arguments.of(ConnectionType.API_KEY, new Credentials(null, null, null, null), "apiKey"),
				Arguments.of(ConnectionType.API_KEY, new Credentials(" ", null, null, null), "apiKey"),
				Arguments.of(ConnectionType.API_KEY, new Credentials("k", null, null, "t"), "token"),
				Arguments.of(ConnectionType.API_KEY, new Credentials("k\r\nX-Evil: 1", null, null, null), "apiKey"),
				Arguments.of(ConnectionType.API_KEY, new Credentials("k".repeat(4097), null, null, null), "apiKey"),
				Arguments.of(ConnectionType.BASIC, new Credentials(null, "user", null, null), "password"),
				Arguments.of(ConnectionType.BASIC, new Credentials(null, null, "secret", null), "username"),
				Arguments.of(ConnectionType.BASIC, new Credentials(null, "us:er", "secret", null), "username"),
				Arguments.of(ConnectionType.BASIC, new Credentials("k", "user", "secret", null), "apiKey"),
				Arguments.of(ConnectionType.BEARER, new Credentials(null, null, null, null), "token"),
				Arguments.of(ConnectionType.BEARER, new Credentials(null, null, null, "t\n"), "token"),
				Arguments.of(ConnectionType.BEARER, new Credentials(null, "user", null, "t"), "username"));
	}

	@ParameterizedTest
	@MethodSource("refusedCredentials")
	void takesExactlyTheSecretFieldsOfItsType(ConnectionType type, Credentials credentials, String field) {
		assertRefused(() -> ConnectionRules.credentials(type, credentials), field);
	}

	@Test
	void credentialsNeverPrintTheirValues() {
		assertThat(new Credentials("key-123", "user", "pass-456", "token-789").toString()).doesNotContain("key-123",
				"pass-456", "token-789", "user");
	}

	private static String capitalized(String header) {
		StringBuilder result = new StringBuilder();
		for (String part : header.split("-")) {
			result.append(result.isEmpty() ? "" : "-")
				.append(Character.toUpperCase(part.charAt(0)))
				.append(part.substring(1));
		}
		return result.toString();
	}

	private static void assertRefused(Runnable check, String field) {
		assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.field()).isEqualTo(field));
	}

}
