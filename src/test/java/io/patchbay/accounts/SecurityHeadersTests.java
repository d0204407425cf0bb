package io.patchbay.accounts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.patchbay.platform.Mode;
import io.patchbay.platform.PatchbayProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HSTS follows the base URL: behind a proxy that ends TLS the request itself is plain
 * http, and the header must still be sent.
 */
class SecurityHeadersTests {

	@Test
	void anHttpsBaseUrlSendsHstsEvenOnAPlainRequestFromTheProxy() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console");
		request.setSecure(false);
		MockHttpServletResponse response = new MockHttpServletResponse();
		SecurityHeaders.hsts(properties("https://patchbay.example.com")).writeHeaders(request, response);
		assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
	}

	@Test
	void anHttpBaseUrlSendsNoHsts() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console");
		request.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		SecurityHeaders.hsts(properties("http://localhost:8080")).writeHeaders(request, response);
		assertThat(response.getHeader("Strict-Transport-Security")).isNull();
	}

	private static PatchbayProperties properties(String baseUrl) {
		return new PatchbayProperties(Mode.DEV, Path.of("data"), URI.create(baseUrl), null, false, "admin@example.com",
				null, List.of(), List.of());
	}

}
