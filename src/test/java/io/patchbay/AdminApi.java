package io.patchbay;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The admin API as the bootstrap administrator of the test configuration calls it.
 */
public final class AdminApi {

	public static final String EMAIL = "admin@example.com";

	public static final String PASSWORD = "correct-horse-battery-staple";

	private AdminApi() {
	}

	public static RestTestClient asAdministrator(RestTestClient client) {
		return client.mutate().defaultHeaders((headers) -> headers.setBasicAuth(EMAIL, PASSWORD)).build();
	}

}
