package io.patchbay.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page and API answer carries a Content-Security-Policy without inline script, so
 * that a post's Markdown cannot run script or make a reader's browser call admin URLs
 * through images, and a Referrer-Policy; the pages themselves have no inline script or
 * style, so they work under that policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PageSecurityHeadersIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** Script or style inside the page: an inline element, a handler attribute, a URL. */
	private static final List<Pattern> INLINE = List.of(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>"),
			Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE), Pattern.compile("\\shx-on[:-]"),
			Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE), Pattern.compile("<style[\\s>]"),
			Pattern.compile("\\sstyle\\s*="));

	@LocalServerPort
	int port;

	RestTestClient anonymous;

	RestTestClient admin;

	@BeforeEach
	void clients() {
		this.anonymous = TestClients.withoutCookies(this.port);
		this.admin = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	void pagesAndApisCarryTheContentSecurityAndReferrerPolicies() {
		for (EntityExchangeResult<?> answer : List.of(
				this.anonymous.get().uri("/login").exchange().expectBody(String.class).returnResult(),
				this.anonymous.get().uri("/api/v1/me").exchange().expectBody(String.class).returnResult(),
				this.admin.get().uri("/api/admin/members").exchange().expectBody(String.class).returnResult(),
				this.anonymous.get().uri("/css/patchbay.css").exchange().expectBody(String.class).returnResult())) {
			HttpHeaders headers = answer.getResponseHeaders();
			String policy = headers.getFirst("Content-Security-Policy");
			assertThat(policy).as(answer.getUrl().toString())
				.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
						"object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
			// The test install's base URL is http: no HSTS (see SecurityHeadersTests).
			assertThat(headers.getFirst("Strict-Transport-Security")).isNull();
		}
	}

	@Test
	void theSwaggerUiAloneMayStyleInline() {
		String policy = this.anonymous.get()
			.uri("/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseHeaders()
			.getFirst("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "img-src 'self' data:",
				"frame-ancestors 'none'");
	}

	@Test
	void pagesHaveNoInlineScriptOrStyle() {
		String email = "csp-" + System.nanoTime() + "@example.com";
		this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", "Reader", "password", "content-security-policy"))
			.exchange()
			.expectStatus()
			.isCreated();
		String group = (String) this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Open house " + System.nanoTime(), "privacy", "OPEN"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		String integration = (String) this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "CSP bot " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		RestTestClient member = Sessions.signIn(this.anonymous, email, "content-security-policy")
			.client(this.anonymous);
		RestTestClient administrator = Sessions.signIn(this.anonymous, AdminApi.EMAIL, AdminApi.PASSWORD)
			.client(this.anonymous);

		expectNoInlineCode(this.anonymous, "/login");
		expectNoInlineCode(member, "/app");
		expectNoInlineCode(member, "/app/groups/" + group);
		expectNoInlineCode(administrator, "/console/integrations");
		expectNoInlineCode(administrator, "/console/integrations/" + integration);
		expectNoInlineCode(administrator, "/console/audit");
	}

	private static void expectNoInlineCode(RestTestClient client, String path) {
		String html = client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		for (Pattern inline : INLINE) {
			assertThat(inline.matcher(html).find()).as(path + " has " + inline).isFalse();
		}
		// htmx would otherwise add its indicator style inline.
		assertThat(html).as(path).contains("\"includeIndicatorStyles\":false");
	}

}
