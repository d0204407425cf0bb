package io.patchbay;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A client with no cookie store, for tests that follow sessions by hand. The
 * auto-configured client shares its context's cookie jar (Apache HttpClient is on the
 * classpath for outbound calls), so a session opened by one test would leak into the
 * next.
 */
public final class TestClients {

	private TestClients() {
	}

	public static RestTestClient withoutCookies(int port) {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		return RestTestClient.bindToServer(new JdkClientHttpRequestFactory(http))
			.baseUrl("http://localhost:" + port)
			.build();
	}

}
