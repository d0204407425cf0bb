package io.patchbay.platform;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Production mode's outbound safety: private and special-purpose addresses are refused
 * where the client resolves them, names included, unless allow-listed.
 */
class AddressPolicyTests {

	private final AddressPolicy production = new AddressPolicy(true, List.of());

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1",
			"fd00::1", "0.0.0.0", "100.64.0.1", "224.0.0.1", "localhost" })
	void productionRefusesPrivateAndSpecialAddresses(String host) {
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> this.production.resolve(host));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111" })
	void productionAllowsPublicAddresses(String host) throws UnknownHostException {
		assertThat(this.production.resolve(host)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "localhost" })
	void devModeAndAllowListedBlocksReachPrivateAddresses(String host) throws UnknownHostException {
		assertThat(new AddressPolicy(false, List.of()).resolve(host)).isNotEmpty();
		assertThat(new AddressPolicy(true, List.of("127.0.0.0/8", "10.0.0.0/8", "::1/128")).resolve(host)).isNotEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9/hook", "https://127.0.0.1:9/hook", "https://[::1]:9/hook",
			"https://169.254.169.254/latest/meta-data", "https://localhost:9/hook" })
	void theProductionClientRefusesThemAtConnectTime(String url) throws Exception {
		try (OutboundHttp http = new OutboundHttp(true, List.of(), 4, 8, "test")) {
			assertThatExceptionOfType(OutboundException.class).isThrownBy(() -> http.send(new OutboundRequest("POST",
					java.net.URI.create(url), Map.of(), new byte[0], Duration.ofSeconds(2))));
		}
	}

}
