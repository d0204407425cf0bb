package io.patchbay.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member signed in through the sign-in form, as the member app is: a session cookie and
 * its CSRF token, so that the benchmark measures chat, not a password hash per request.
 */
record MemberSession(String cookie, String csrf) {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

	static MemberSession signIn(HttpClient http, String base, String email, String password)
			throws IOException, InterruptedException {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = cookie(form);
		String body = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf="
				+ encode(find(CSRF, form.body()));
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Cookie", "JSESSIONID=" + cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed for " + email + ": " + signedIn.statusCode());
		}
		String session = cookie(signedIn);
		HttpResponse<String> app = http.send(
				HttpRequest.newBuilder(URI.create(base + "/app")).header("Cookie", "JSESSIONID=" + session).build(),
				HttpResponse.BodyHandlers.ofString());
		return new MemberSession(session, find(CSRF, app.body()));
	}

	HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", "JSESSIONID=" + this.cookie)
			.header("X-CSRF-TOKEN", this.csrf);
	}

	private static String cookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map((matcher) -> matcher.group(1))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie"));
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
