package io.patchbay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTests {

	@Test
	void ignoresForwardedForWithoutTrustedProxies() {
		ClientAddresses addresses = addresses(List.of());
		assertThat(addresses.of(request("10.0.0.5", "203.0.113.9"))).isEqualTo("10.0.0.5");
	}

	@Test
	void believesForwardedForOnlyFromTrustedProxies() {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));
		assertThat(addresses.of(request("10.0.0.5", "203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(addresses.of(request("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.1.1.1"))).isEqualTo("203.0.113.9");
		assertThat(addresses.of(request("192.0.2.1", "203.0.113.9"))).isEqualTo("192.0.2.1");
		assertThat(addresses.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
		assertThat(addresses.of(request("10.0.0.5", "evil.example.com"))).isEqualTo("10.0.0.5");
	}

	@Test
	void readsEveryForwardedForLineInOrder() {
		ClientAddresses addresses = addresses(List.of("10.0.0.0/8"));
		MockHttpServletRequest request = request("10.0.0.5", "198.51.100.1");
		request.addHeader("X-Forwarded-For", "203.0.113.9, 10.1.1.1");
		request.addHeader("X-Forwarded-For", "10.2.2.2");
		assertThat(addresses.of(request)).isEqualTo("203.0.113.9");
		MockHttpServletRequest forged = request("10.0.0.5", "203.0.113.9");
		forged.addHeader("X-Forwarded-For", "evil.example.com");
		assertThat(addresses.of(forged)).isEqualTo("10.0.0.5");
	}

	private static ClientAddresses addresses(List<String> trusted) {
		return new ClientAddresses(new PatchbayProperties(Mode.DEV, Path.of("data"), URI.create("http://localhost"),
				null, false, "admin@example.com", null, trusted, List.of()));
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
