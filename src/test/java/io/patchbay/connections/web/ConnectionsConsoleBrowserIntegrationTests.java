package io.patchbay.connections.web;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.AdminApi;
import io.patchbay.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's Connections page in Chromium, as seed 003 walks through it: an API-key
 * connection and an OAuth client-credentials connection created through the forms, a call
 * tried from each, and no secret ever in a page's source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ConnectionsConsoleBrowserIntegrationTests {

	static WireMockServer service = ExternalServices.tlsService();

	static WireMockServer tokenEndpoint = new WireMockServer(options().dynamicPort());

	@LocalServerPort
	int port;

	WebDriver driver;

	WebDriverWait wait;

	@BeforeAll
	static void start() {
		service.start();
		tokenEndpoint.start();
	}

	@AfterAll
	static void stop() {
		service.stop();
		tokenEndpoint.stop();
	}

	@BeforeEach
	void startBrowser() {
		service.resetAll();
		service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"tickets\":[]}")));
		this.driver = Chromium.start(true);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void anAdministratorCreatesConnectionsAndTriesCallsWithoutSeeingASecret() {
		String apiKey = "console-api-key-" + System.nanoTime();
		String clientSecret = "console-client-secret-" + System.nanoTime();
		tokenEndpoint.stubFor(post("/token").willReturn(ExternalServices.token("console-access-token", 3600)));
		signIn();

		this.driver.get(url("/console/connections"));
		String name = "zendesk-" + Long.toString(System.nanoTime(), 36);
		type(By.id("connection-name"), name);
		new Select(this.driver.findElement(By.id("connection-type"))).selectByValue("API_KEY");
		assertThat(this.driver.findElement(By.id("connection-token")).isDisplayed()).as("bearer fields hidden")
			.isFalse();
		type(By.id("connection-domain"), "api.patchbay.test");
		type(By.id("connection-header"), "X-Api-Key");
		type(By.id("connection-api-key"), apiKey);
		click(By.id("create-connection"));
		this.wait.until(ExpectedConditions.urlContains("/console/connections/" + name));
		tryCall("/tickets");
		service.verify(getRequestedFor(urlPathEqualTo("/tickets")).withHeader("X-Api-Key", equalTo(apiKey)));
		assertThat(this.driver.getPageSource()).doesNotContain(apiKey);

		// The list's search finds it by name, and says when nothing matches.
		this.driver.get(url("/console/connections"));
		type(By.id("connections-query"), name);
		click(By.cssSelector("#connections-search button"));
		this.wait.until(ExpectedConditions.urlContains("query="));
		assertThat(this.driver.findElements(By.cssSelector("#connections tbody tr"))).singleElement()
			.satisfies((row) -> assertThat(row.getText()).contains(name));
		this.driver.get(url("/console/connections?query=no-such-" + name));
		assertThat(this.driver.findElement(By.id("connections")).getText()).contains("No connection matches");

		this.driver.get(url("/console/connections"));
		String client = "machine-" + Long.toString(System.nanoTime(), 36);
		type(By.id("client-name"), client);
		type(By.id("client-id"), "patchbay");
		type(By.id("client-secret"), clientSecret);
		new Select(this.driver.findElement(By.id("client-grant"))).selectByValue("client_credentials");
		type(By.id("client-token-url"), tokenEndpoint.baseUrl() + "/token");
		click(By.id("create-client"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("clients"), client));
		assertThat(text(By.id("callback-url"))).endsWith("/oauth/callback");

		String oauth = "machine-api-" + Long.toString(System.nanoTime(), 36);
		type(By.id("connection-name"), oauth);
		new Select(this.driver.findElement(By.id("connection-type"))).selectByValue("OAUTH2");
		type(By.id("connection-domain"), "api.patchbay.test");
		new Select(this.driver.findElement(By.id("connection-client"))).selectByValue(client);
		click(By.id("create-connection"));
		this.wait.until(ExpectedConditions.urlContains("/console/connections/" + oauth));
		assertThat(text(By.id("oauth-status"))).isEqualTo("Active");
		tryCall("/machine");
		service.verify(getRequestedFor(urlPathEqualTo("/machine")).withHeader("Authorization",
				equalTo("Bearer console-access-token")));
		assertThat(this.driver.getPageSource()).doesNotContain(clientSecret, "console-access-token");
	}

	private void tryCall(String path) {
		type(By.id("call-url"), "https://api.patchbay.test:" + service.httpsPort() + path);
		click(By.id("try-call"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("call-result")));
		assertThat(text(By.id("call-status"))).isEqualTo("200");
	}

	private void signIn() {
		this.driver.get(url("/login"));
		type(By.id("email"), AdminApi.EMAIL);
		this.driver.findElement(By.id("password")).sendKeys(AdminApi.PASSWORD);
		click(By.id("sign-in"));
		this.wait.until(ExpectedConditions.urlContains("/console"));
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private void type(By locator, String text) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
		field.clear();
		field.sendKeys(text);
	}

	private String text(By locator) {
		return this.wait.until((driver) -> driver.findElement(locator).getText());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
