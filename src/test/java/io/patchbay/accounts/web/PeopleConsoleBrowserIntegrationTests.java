package io.patchbay.accounts.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.patchbay.AdminApi;
import io.patchbay.BrowserChecks;
import io.patchbay.Chromium;
import org.junit.jupiter.api.AfterEach;
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
 * An account's whole life through the People console, in two browsers: the administrator
 * invites a person, the person claims the link and uses the member app, the administrator
 * deactivates them, and the member's open page ends and their sign-in is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PeopleConsoleBrowserIntegrationTests {

	@Autowired
	RestTestClient anonymous;

	@LocalServerPort
	int port;

	WebDriver admin;

	WebDriver member;

	@BeforeEach
	void openBrowsers() {
		this.admin = Chromium.start(true);
		this.member = Chromium.start(true);
	}

	@AfterEach
	void closeBrowsers() {
		this.admin.quit();
		this.member.quit();
	}

	@Test
	void inviteClaimSignInDeactivate() {
		String unique = Long.toString(System.nanoTime(), 36);
		String email = "newcomer-" + unique + "@example.com";
		WebDriverWait adminWait = new WebDriverWait(this.admin, Duration.ofSeconds(15));
		signIn(this.admin, AdminApi.EMAIL, AdminApi.PASSWORD);
		adminWait.until(ExpectedConditions.urlContains("/console"));
		this.admin.get(url("/console/people"));
		this.admin.findElement(By.id("person-email")).sendKeys(email);
		this.admin.findElement(By.id("person-name")).sendKeys("Nina Newcomer");
		this.admin.findElement(By.id("person-title")).sendKeys("Analyst");
		this.admin.findElement(By.cssSelector("#new-person button[type=submit]")).click();
		String inviteUrl = adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-url")))
			.getText();
		assertThat(inviteUrl).contains("/invitations/");
		assertThat(this.admin.findElement(By.id("person-state")).getText()).isEqualTo("Invited");
		String personPage = this.admin.getCurrentUrl();
		String memberId = personPage.substring(personPage.lastIndexOf('/') + 1);
		this.admin.get(url("/console/people?state=invited&query=" + unique));
		assertThat(this.admin.findElements(By.cssSelector("#people tbody tr[data-person]"))).hasSize(1);
		BrowserChecks.assertNoPolicyViolation(this.admin);

		String group = group(memberId);
		WebDriverWait memberWait = new WebDriverWait(this.member, Duration.ofSeconds(15));
		// The link names the configured base URL; the test's server listens elsewhere.
		this.member.get(url(java.net.URI.create(inviteUrl).getPath()));
		this.member.findElement(By.name("password")).sendKeys("a-newcomer-password-1");
		this.member.findElement(By.name("confirmation")).sendKeys("a-newcomer-password-1");
		this.member.findElement(By.cssSelector("main form button[type=submit]")).click();
		memberWait.until(ExpectedConditions.urlContains("/app"));
		this.member.get(url("/app/groups/" + group));
		memberWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live")));

		this.admin.get(personPage);
		assertThat(this.admin.findElement(By.id("person-state")).getText()).isEqualTo("Active");
		this.admin.findElement(By.id("deactivate")).click();
		adminWait.until(ExpectedConditions.textToBe(By.id("person-state"), "Deactivated"));

		// The member's open page ends by itself: its stream is refused, the page reloads
		// to the sign-in form.
		memberWait.until(ExpectedConditions.urlContains("/login"));
		signIn(this.member, email, "a-newcomer-password-1");
		memberWait.until(ExpectedConditions.urlContains("/login?error"));
		assertThat(this.member.findElement(By.cssSelector(".notice.error")).getText()).isNotBlank();

		this.admin.findElement(By.id("reactivate")).click();
		adminWait.until(ExpectedConditions.textToBe(By.id("person-state"), "Active"));
		signIn(this.member, email, "a-newcomer-password-1");
		memberWait.until(ExpectedConditions.urlContains("/app"));
	}

	@Test
	void theConsoleShowsARefusalBesideTheSectionInFrench() {
		WebDriverWait adminWait = new WebDriverWait(this.admin, Duration.ofSeconds(15));
		signIn(this.admin, AdminApi.EMAIL, AdminApi.PASSWORD);
		adminWait.until(ExpectedConditions.urlContains("/console"));
		this.admin.get(url("/console/people?lang=fr"));
		assertThat(this.admin.findElement(By.tagName("h1")).getText()).isEqualTo("Personnes");
		this.admin.findElement(By.id("person-email")).sendKeys(AdminApi.EMAIL);
		this.admin.findElement(By.id("person-name")).sendKeys("Twice");
		this.admin.findElement(By.cssSelector("#new-person button[type=submit]")).click();
		assertThat(adminWait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#new-person .notice.error")))
			.getText()).contains(AdminApi.EMAIL);
		assertThat(this.admin.findElement(By.id("person-name")).getDomProperty("value")).isEqualTo("Twice");
		this.admin.findElement(By.id("domains-list")).sendKeys("com");
		this.admin.findElement(By.cssSelector("#domains button[type=submit]")).click();
		assertThat(
				adminWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#domains .notice.error")))
					.getText())
			.contains("com");
	}

	private String group(String memberId) {
		RestTestClient api = AdminApi.asAdministrator(this.anonymous);
		String group = (String) api.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Newcomers " + System.nanoTime(), "privacy", "CLOSED"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id");
		api.post()
			.uri("/api/admin/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(memberId)))
			.exchange()
			.expectStatus()
			.isOk();
		return group;
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
