package io.patchbay.accounts.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.patchbay.AdminApi;
import io.patchbay.Chromium;
import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.SingleSignOn;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server), in a real
 * browser: an administrator configures it in the console, a member signs in through it
 * (matched by email, or by external id), an unknown identity is refused, and with
 * passwords turned off a member's password is refused while the bootstrap administrator's
 * still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SingleSignOnBrowserIntegrationTests {

	static MockOAuth2Server provider = new MockOAuth2Server();

	@Autowired
	RestTestClient anonymous;

	@Autowired
	SingleSignOn sso;

	@LocalServerPort
	int port;

	WebDriver admin;

	WebDriver member;

	@BeforeAll
	static void start() {
		provider.start();
	}

	@AfterAll
	static void stop() {
		provider.shutdown();
	}

	@BeforeEach
	void openBrowsers() {
		this.admin = Chromium.start(true);
		this.member = Chromium.start(true);
	}

	@AfterEach
	void closeBrowsersAndTurnSingleSignOnOff() {
		this.admin.quit();
		this.member.quit();
		this.sso.configure(new Actor.Administrator(0, "test", Set.of(AdminPermission.values())),
				provider.issuerUrl("default").toString(), "patchbay", "s3cret", false, true);
	}

	@Test
	void membersSignInThroughTheCompanysProvider() {
		String unique = Long.toString(System.nanoTime(), 36);
		String email = "sso-" + unique + "@example.com";
		String password = "a-member-password-" + unique;
		create(Map.of("email", email, "name", "Sigrid Sso", "password", password));
		create(Map.of("email", "ext-" + unique + "@example.com", "name", "Ext Ernal", "externalId", "ext-" + unique));

		WebDriverWait adminWait = new WebDriverWait(this.admin, Duration.ofSeconds(15));
		signIn(this.admin, AdminApi.EMAIL, AdminApi.PASSWORD);
		adminWait.until(ExpectedConditions.urlContains("/console"));
		this.admin.get(url("/console/single-sign-on"));
		fill(this.admin, "sso-issuer", "http://localhost:1/nowhere");
		fill(this.admin, "sso-client-id", "patchbay");
		fill(this.admin, "sso-client-secret", "s3cret");
		check(this.admin, "sso-enabled", true);
		check(this.admin, "sso-password", true);
		this.admin.findElement(By.id("sso-save")).click();
		assertThat(adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sso .notice.error")))
			.getText()).contains("http://localhost:1/nowhere");
		fill(this.admin, "sso-issuer", provider.issuerUrl("default").toString());
		fill(this.admin, "sso-client-secret", "s3cret");
		this.admin.findElement(By.id("sso-save")).click();
		adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.success")));
		assertThat(this.admin.getPageSource()).doesNotContain("s3cret");

		WebDriverWait memberWait = new WebDriverWait(this.member, Duration.ofSeconds(15));
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "idp-" + unique, "JWT", null,
				Map.of("email", email.toUpperCase()), 60));
		this.member.get(url("/login"));
		this.member.findElement(By.id("sign-in-sso")).click();
		memberWait.until(ExpectedConditions.urlContains("/app"));
		assertThat(this.member.findElement(By.cssSelector(".who")).getText()).isEqualTo("Sigrid Sso");

		this.member.manage().deleteAllCookies();
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "ext-" + unique, "JWT", null,
				Map.of("email", "other-address-" + unique + "@example.com"), 60));
		this.member.get(url("/login"));
		this.member.findElement(By.id("sign-in-sso")).click();
		memberWait.until(ExpectedConditions.urlContains("/app"));
		assertThat(this.member.findElement(By.cssSelector(".who")).getText()).isEqualTo("Ext Ernal");

		this.member.manage().deleteAllCookies();
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "stranger-" + unique, "JWT", null,
				Map.of("email", "stranger-" + unique + "@example.com"), 60));
		this.member.get(url("/login"));
		this.member.findElement(By.id("sign-in-sso")).click();
		memberWait.until(ExpectedConditions.urlContains("/login?ssoError"));
		assertThat(this.member.findElement(By.cssSelector(".notice.error")).getText()).contains("administrator");

		// Passwords off: the member's is refused, the bootstrap administrator's is not.
		this.admin.get(url("/console/single-sign-on"));
		fill(this.admin, "sso-client-secret", "s3cret");
		check(this.admin, "sso-password", false);
		this.admin.findElement(By.id("sso-save")).click();
		adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.success")));
		signIn(this.member, email, password);
		memberWait.until(ExpectedConditions.urlContains("/login?error"));
		this.admin.manage().deleteAllCookies();
		signIn(this.admin, AdminApi.EMAIL, AdminApi.PASSWORD);
		adminWait.until(ExpectedConditions.urlContains("/console"));
	}

	private void create(Map<String, Object> body) {
		AdminApi.asAdministrator(this.anonymous)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			});
	}

	private static void fill(WebDriver browser, String id, String value) {
		var field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private static void check(WebDriver browser, String id, boolean checked) {
		var box = browser.findElement(By.id(id));
		if (box.isSelected() != checked) {
			box.click();
		}
	}

	private void signIn(WebDriver browser, String email, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
