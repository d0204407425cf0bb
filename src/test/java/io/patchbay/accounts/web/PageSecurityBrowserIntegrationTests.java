package io.patchbay.accounts.web;

import java.io.IOException;
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
 * The pages' scripts still work under the Content-Security-Policy, and the browser
 * reports no violation: the console's create dialog, the member app's composer that
 * empties after posting, and the API documentation's Swagger UI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class PageSecurityBrowserIntegrationTests {

	@Autowired
	RestTestClient anonymous;

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		this.browser = Chromium.start(true);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void theConsoleDialogAndTheApiDocumentationWorkUnderThePolicy() {
		signIn(AdminApi.EMAIL, AdminApi.PASSWORD);
		this.wait.until(ExpectedConditions.urlContains("/console/integrations"));
		click(By.id("open-create"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-name")));
		assertThat(this.browser.getCurrentUrl()).as("the dialog opened in place").endsWith("/console/integrations");
		click(By.cssSelector("#create-dialog .actions a.button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("create-name")));
		assertThat(this.browser.getCurrentUrl()).endsWith("/console/integrations");
		BrowserChecks.assertNoPolicyViolation(this.browser);

		this.browser.get(url("/api-docs"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
		BrowserChecks.assertNoPolicyViolation(this.browser);
	}

	@Test
	void theComposerEmptiesAfterPostingUnderThePolicy() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String email = "composer-" + System.nanoTime() + "@example.com";
		String member = (String) json(admin, "/api/admin/members",
				Map.of("email", email, "name", "Composer", "password", "composer-password-1"))
			.get("id");
		String group = (String) json(admin, "/api/admin/groups",
				Map.of("name", "Composers " + System.nanoTime(), "privacy", "CLOSED"))
			.get("id");
		admin.post()
			.uri("/api/admin/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(member)))
			.exchange()
			.expectStatus()
			.isOk();

		signIn(email, "composer-password-1");
		this.wait.until(ExpectedConditions.urlContains("/app"));
		this.browser.get(url("/app/groups/" + group));
		this.browser.findElement(By.name("message")).sendKeys("Posted under a strict policy");
		click(By.cssSelector(".composer button[type=submit]"));
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Posted under a strict policy"));
		this.wait.until((driver) -> driver.findElement(By.name("message")).getDomProperty("value").isEmpty());
		assertThat(this.browser.getCurrentUrl()).as("htmx posted in place").endsWith("/app/groups/" + group);
		BrowserChecks.assertNoPolicyViolation(this.browser);
	}

	private void signIn(String email, String password) {
		this.browser.get(url("/login"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys(password);
		click(By.id("sign-in"));
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Map<String, Object> json(RestTestClient client, String uri, Map<String, Object> body) {
		return client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
