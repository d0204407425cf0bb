package io.patchbay.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in through the sign-in form, as a browser would, and answers the session with the
 * CSRF token its pages carry, so that a test can call the APIs with that session.
 */
public final class Sessions {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private Sessions() {
	}

	public record Session(String cookie, String csrf) {

		public RestTestClient client(RestTestClient anonymous) {
			return anonymous.mutate()
				.defaultHeader("Cookie", this.cookie)
				.defaultHeader("X-CSRF-TOKEN", this.csrf)
				.build();
		}

	}

	/** Signs in a member with no admin permissions (their pages are the member app's). */
	public static Session signIn(RestTestClient anonymous, String email, String password) {
		EntityExchangeResult<String> page = anonymous.get()
			.uri("/login")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		EntityExchangeResult<Void> signedIn = anonymous.post()
			.uri("/login")
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectBody()
			.isEmpty();
		assertThat(String.valueOf(signedIn.getResponseHeaders().getLocation())).as("signed in")
			.doesNotContain("error")
			.doesNotContain("throttled")
			.endsWith("/");
		String session = signedIn.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		String app = anonymous.get()
			.uri("/app")
			.header("Cookie", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return new Session(session, csrf(app));
	}

	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
