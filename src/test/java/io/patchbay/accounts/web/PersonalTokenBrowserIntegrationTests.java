package io.patchbay.accounts.web;

import java.time.Duration;
import java.util.Map;

import io.patchbay.AdminApi;
import io.patchbay.BrowserChecks;
import io.patchbay.Chromium;
import io.patchbay.TestClients;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member makes a personal access token in the member app, sees it once, uses it, and
 * revokes it there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PersonalTokenBrowserIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Chromium.start(true);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.quit();
	}

	@Test
	void makeUseAndRevokeATokenInTheMemberApp() {
		String email = "app-tokens-" + System.nanoTime() + "@example.com";
		AdminApi.asAdministrator(this.client)
			.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", "Pat Token", "password", "a-token-password-1"))
			.exchange()
			.expectStatus()
			.isCreated();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys("a-token-password-1");
		this.browser.findElement(By.id("sign-in")).click();
		wait.until(ExpectedConditions.urlContains("/app"));
		this.browser.get(url("/app/tokens?lang=fr"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Jetons d’accès personnels");
		this.browser.get(url("/app/tokens?lang=en"));
		this.browser.findElement(By.id("token-name")).sendKeys("laptop script");
		this.browser.findElement(By.id("create-token")).click();
		String token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value"))).getText();
		assertThat(token).startsWith("pbm_");
		RestTestClient anonymous = TestClients.withoutCookies(this.port);
		anonymous.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

		this.browser.navigate().refresh();
		assertThat(this.browser.findElements(By.id("token-value"))).as("shown only once").isEmpty();
		this.browser.findElement(By.cssSelector("#tokens tr[data-token] button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens"), "No tokens yet."));
		anonymous.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		BrowserChecks.assertNoPolicyViolation(this.browser);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
