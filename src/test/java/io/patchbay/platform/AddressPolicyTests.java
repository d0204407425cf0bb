package io.patchbay.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.common.net.InetAddresses;
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
	@ValueSource(strings = { "169.254.169.254", "169.254.0.1", "fe80::1", "febf::1", "fd00:ec2::254", "100.100.100.200",
			"::ffff:169.254.169.254", "::169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1",
			"2001:0:4136:e378:8000:63bf:5601:5601" })
	void linkLocalAndCloudMetadataAddressesAreRefusedInEveryMode(String address) {
		InetAddress parsed = InetAddresses.forString(address);
		assertThat(new AddressPolicy(false, List.of()).permits(parsed)).as("dev mode").isFalse();
		assertThat(this.production.permits(parsed)).as("production mode").isFalse();
		assertThat(new AddressPolicy(true,
				List.of("169.254.0.0/16", "fe80::/10", "fd00::/8", "100.64.0.0/10", "::/0", "0.0.0.0/0"))
			.permits(parsed)).as("even allow-listed").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "64:ff9b::808:808", "64:ff9b:1::1", "2002:808:808::1",
			"2001:0:4136:e378:8000:63bf:f7f7:f7f7", "100::1", "2001:2::1", "2001:10::1", "2001:20::1", "192.88.99.1",
			"192.31.196.1", "192.52.193.1", "192.175.48.1", "198.18.0.1", "255.255.255.255", "3fff::1", "5f00::1",
			"2620:4f:8000::1", "ff02::1", "fec0::1", "::" })
	void productionRefusesTheOtherSpecialPurposeBlocks(String address) {
		assertThat(this.production.permits(InetAddresses.forString(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "2606:4700:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1" })
	void productionStillReachesPublicAddresses(String address) {
		assertThat(this.production.permits(InetAddresses.forString(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9/hook", "https://127.0.0.1:9/hook", "https://[::1]:9/hook",
			"https://169.254.169.254/latest/meta-data", "https://localhost:9/hook" })
	void theProductionClientRefusesThemAtConnectTime(String url) throws Exception {
		try (OutboundHttp http = new OutboundHttp(true, new OutboundProperties(List.of(), 4, 8, Duration.ofSeconds(2),
				Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(2)), "test")) {
			assertThatExceptionOfType(OutboundException.class).isThrownBy(() -> http.send(new OutboundRequest("POST",
					java.net.URI.create(url), Map.of(), new byte[0], Duration.ofSeconds(2))));
		}
	}

}
