package io.patchbay.chat.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member calling the member API with HTTP Basic, created through the admin API; an
 * invited member sets their password through their invitation link first, in a browser or
 * with {@link #signIn}.
 *
 * @param invitation the path of the invitation link of a member created without a
 * password
 */
public record ChatMember(RestTestClient client, String id, String name, String email, String password,
		@Nullable String invitation) {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static ChatMember create(RestTestClient anonymous, String name) {
		return create(anonymous, name, true);
	}

	/** A member who has an invitation link and no password yet. */
	public static ChatMember invite(RestTestClient anonymous, String name) {
		return create(anonymous, name, false);
	}

	private static ChatMember create(RestTestClient anonymous, String name, boolean withPassword) {
		String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "-" + System.nanoTime() + "@example.com";
		String password = "long-enough-password-" + System.nanoTime();
		Map<String, Object> created = AdminApi.asAdministrator(anonymous)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(withPassword ? Map.of("email", email, "name", name, "password", password)
					: Map.of("email", email, "name", name))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ChatBot.JSON)
			.returnResult()
			.getResponseBody();
		RestTestClient client = anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(email, password))
			.build();
		String invitation = withPassword ? null
				: ((String) created.get("inviteUrl")).replaceFirst("^https?://[^/]+", "");
		return new ChatMember(client, (String) created.get("id"), name, email, password, invitation);
	}

	/**
	 * Claims the invitation with the member's password, as the member app's invitation
	 * page does: a client with the session it opens (and no cookie store of its own).
	 */
	public RestTestClient signIn(int port) {
		assertThat(this.invitation).as("an invited member").isNotNull();
		RestTestClient anonymous = TestClients.withoutCookies(port);
		EntityExchangeResult<String> page = anonymous.get()
			.uri(this.invitation)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String cookie = page.getResponseHeaders().getFirst("Set-Cookie").split(";")[0];
		String session = anonymous.post()
			.uri(this.invitation)
			.header("Cookie", cookie)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("password=" + this.password + "&confirmation=" + this.password + "&_csrf="
					+ csrf(page.getResponseBody()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst("Set-Cookie")
			.split(";")[0];
		return anonymous.mutate().defaultHeader("Cookie", session).build();
	}

	/** The CSRF token of a page's forms. */
	static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
		return matcher.group(1);
	}

	public RestTestClient.ResponseSpec get(String uri) {
		return this.client.get().uri(uri).exchange();
	}

	public RestTestClient.ResponseSpec post(String uri, Map<String, Object> body, int status) {
		RestTestClient.ResponseSpec response = this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
		response.expectStatus().isEqualTo(status);
		return response;
	}

	public Map<String, Object> json(RestTestClient.ResponseSpec response) {
		return response.expectBody(ChatBot.JSON).returnResult().getResponseBody();
	}

}
