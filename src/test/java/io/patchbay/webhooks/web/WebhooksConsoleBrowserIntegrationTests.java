package io.patchbay.webhooks.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.patchbay.Chromium;
import io.patchbay.AdminApi;
import io.patchbay.webhooks.WebhookEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's Webhooks section and delivery log in a real headless Chromium: subscribe
 * a WireMock receiver through the form, watch a delivery reach it, read it in the log and
 * redeliver it. Same local Chromium and chromedriver as the integrations console test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WebhooksConsoleBrowserIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@LocalServerPort
	private int port;

	@Autowired
	private RestTestClient client;

	@Autowired
	private ApplicationContext context;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeAll
	static void startReceiver() {
		receiver.start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop();
	}

	@BeforeEach
	void startBrowser(TestInfo test) throws IOException {
		receiver.resetAll();
		receiver.stubFor(get(urlPathEqualTo("/hooks/console"))
			.willReturn(aResponse().withStatus(200).withBody("{{request.query.[hub.challenge]}}")));
		receiver.stubFor(post(urlPathEqualTo("/hooks/console"))
			.willReturn(aResponse().withStatus(200).withBody("thanks <b>bold</b>")));
		receiver.stubFor(get(urlPathEqualTo("/hooks/refusing")).willReturn(aResponse().withStatus(500)));
		this.driver = Chromium.start(!test.getTags().contains("no-javascript"));
		// htmx swaps the section whole, so an element found a moment ago may be gone.
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void administratorSubscribesSeesADeliveryAndRedeliversIt() throws IOException {
		String id = integrationWith("read_group");
		signIn();
		this.driver.get(url("/console/integrations/" + id));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhook-subscriptions")));
		assertThat(text(By.id("webhooks-dev-mode"))).contains("http");

		// A field the integration lacks the permission for cannot be chosen, and says
		// why.
		click(By.id("tab-page"));
		this.wait.until(ExpectedConditions.attributeContains(By.id("tab-page"), "class", "current"));
		assertThat(this.driver.findElement(By.id("field-messages")).isEnabled()).isFalse();
		assertThat(text(By.id("needs-messages"))).contains("message_any_member", "group_chat_bot");
		click(By.id("tab-group"));
		this.wait.until(ExpectedConditions.attributeContains(By.id("tab-group"), "class", "current"));
		assertThat(this.driver.findElement(By.id("field-membership")).isEnabled()).isFalse();
		assertThat(text(By.id("subscription-state"))).isEqualTo("Not subscribed");

		// A callback that fails the handshake is refused, with the reason next to the
		// form.
		type(By.id("callback-url"), receiver.baseUrl() + "/hooks/refusing");
		click(By.id("field-posts"));
		type(By.id("verify-token"), "s3cret-verify");
		click(By.id("save-subscription"));
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhooks-error"))).getText())
			.contains("did not pass verification", "500");
		assertThat(text(By.id("subscription-state"))).isEqualTo("Not subscribed");
		assertThat(this.driver.findElement(By.id("field-posts")).isSelected()).as("what was typed stays").isTrue();

		// A good one is saved, and its token is never shown back.
		type(By.id("callback-url"), receiver.baseUrl() + "/hooks/console");
		type(By.id("verify-token"), "s3cret-verify");
		click(By.id("save-subscription"));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Active"));
		assertThat(this.driver.findElement(By.id("verify-token")).getAttribute("value")).isEmpty();
		assertThat(this.driver.getPageSource()).doesNotContain("s3cret-verify");
		screenshot(By.id("webhooks"), "target/webhooks-section.png");

		// Saved again with the token left empty: kept, so no new handshake is needed.
		click(By.id("save-subscription"));
		this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#webhook-subscriptions .notice.success")));
		assertThat(text(By.id("subscription-state"))).isEqualTo("Active");
		assertThat(receiver.findAll(getRequestedFor(urlPathEqualTo("/hooks/console")))).hasSize(1);

		new WebhookEvents(this.context).groupPostAdded(Long.parseLong(id), "<script>alert(1)</script> hello");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/console"))).size() == 1);

		// The log, filtered to what succeeded.
		click(By.id("delivery-log-link"));
		click(By.id("filter-succeeded"));
		this.wait.until(ExpectedConditions.attributeContains(By.id("filter-succeeded"), "class", "current"));
		List<WebElement> rows = this.driver.findElements(By.cssSelector("#deliveries tbody tr"));
		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().getText()).contains("group", "posts", "Succeeded", "200");

		// One delivery: payload as sent, escaped, and its attempt.
		click(By.cssSelector("#deliveries tbody a"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payload")));
		LoggedRequest sent = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/console"))).getFirst();
		assertThat(text(By.id("webhook-id"))).isEqualTo(sent.getHeader("webhook-id"));
		assertThat(text(By.id("payload"))).contains("\"object\" : \"group\"", "<script>alert(1)</script> hello");
		assertThat(this.driver.findElements(By.cssSelector("#attempts tr.attempt"))).hasSize(1);
		assertThat(text(By.id("attempts"))).contains("200", "thanks <b>bold</b>");
		screenshot(By.tagName("main"), "target/webhooks-delivery.png");

		// Redelivered: a second attempt with the same webhook-id.
		click(By.id("redeliver"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .notice.success")));
		awaitAttempts(2);
		List<LoggedRequest> posts = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/console")));
		assertThat(posts).extracting((request) -> request.getHeader("webhook-id"))
			.containsExactly(sent.getHeader("webhook-id"), sent.getHeader("webhook-id"));

		// A 410 Gone disables the subscription at once, and the Webhooks section says so.
		receiver.stubFor(post(urlPathEqualTo("/hooks/console")).willReturn(aResponse().withStatus(410)));
		click(By.id("redeliver"));
		awaitAttempts(3);
		this.driver.get(url("/console/integrations/" + id));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Disabled"));
		assertThat(text(By.id("subscription-disabled"))).contains("410", "Save it again");
		assertThat(text(By.id("webhook-subscriptions"))).contains("Patchbay disabled the group subscription");

		// Removed.
		click(By.id("remove-subscription"));
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Not subscribed"));
	}

	@Test
	void aGeneratedVerifyTokenPassesTheHandshakeAndATestEventReachesTheReceiverSigned() {
		String id = integrationWith("read_group");
		signIn();
		this.driver.get(url("/console/integrations/" + id));
		click(By.id("tab-group"));
		this.wait.until(ExpectedConditions.attributeContains(By.id("tab-group"), "class", "current"));
		assertThat(text(By.id("tab-group"))).as("a readable name beside the object").contains("Groups", "group");
		type(By.id("callback-url"), receiver.baseUrl() + "/hooks/console");
		click(By.id("field-posts"));
		click(By.id("generate-verify-token"));
		String token = this.driver.findElement(By.id("verify-token")).getAttribute("value");
		assertThat(token).matches("[0-9a-f]{64}");
		click(By.id("save-subscription"));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Active"));
		assertThat(receiver.findAll(getRequestedFor(urlPathEqualTo("/hooks/console")))
			.getFirst()
			.queryParameter("hub.verify_token")
			.firstValue()).isEqualTo(token);

		click(By.id("send-test"));
		this.wait.until(ExpectedConditions.urlMatches("/console/deliveries/\\d+$"));
		awaitAttempts(1);
		LoggedRequest sent = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/console"))).getFirst();
		assertThat(sent.getBodyAsString()).contains("\"field\":\"posts\"", "\"test\":true");
		assertThat(sent.getHeader("webhook-signature")).isNotBlank();
		assertThat(text(By.id("webhook-id"))).isEqualTo(sent.getHeader("webhook-id"));
	}

	/** Without JavaScript the section is a page of its own, and its forms still work. */
	@Test
	@Tag("no-javascript")
	void webhooksWorkWithoutJavaScript() {
		String id = integrationWith("read_group");
		signIn();
		this.driver.get(url("/console/integrations/" + id));
		click(By.id("manage-webhooks"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("webhook-subscriptions")));
		assertThat(this.driver.findElement(By.id("tab-group")).getAttribute("class")).contains("current");

		type(By.id("callback-url"), "ftp://example.com/hooks");
		click(By.id("field-posts"));
		type(By.id("verify-token"), "t");
		submitAndWait(By.id("save-subscription"));
		assertThat(text(By.id("webhooks-error"))).contains("http");

		type(By.id("callback-url"), receiver.baseUrl() + "/hooks/console");
		type(By.id("verify-token"), "t");
		submitAndWait(By.id("save-subscription"));
		assertThat(text(By.id("subscription-state"))).isEqualTo("Active");
		assertThat(this.driver.getCurrentUrl()).endsWith("/console/integrations/" + id + "/webhooks?topic=group");

		this.driver.get(url("/console/integrations/" + id + "/webhooks?topic=group&lang=fr"));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Actif"));
		assertThat(text(By.id("delivery-log-link"))).isEqualTo("Journal des livraisons");
		this.driver.get(url("/console/integrations/" + id + "/webhooks?lang=en"));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscription-state"), "Active"));
	}

	private String integrationWith(String permission) {
		RestTestClient admin = AdminApi.asAdministrator(this.client);
		Map<?, ?> created = admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Console hooks " + System.nanoTime(), "kind", "CUSTOM"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		admin.put()
			.uri("/api/admin/integrations/{id}/permissions", created.get("id"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of(permission)))
			.exchange()
			.expectStatus()
			.isOk();
		return (String) created.get("id");
	}

	private void signIn() {
		this.driver.get(url("/login"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(AdminApi.EMAIL);
		this.driver.findElement(By.id("password")).sendKeys(AdminApi.PASSWORD);
		click(By.id("sign-in"));
		this.wait.until(ExpectedConditions.urlContains("/console/integrations"));
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private void type(By locator, String text) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
		field.clear();
		field.sendKeys(text);
	}

	/** Reads an element's text, again if htmx swapped the element while it was read. */
	private String text(By locator) {
		return this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> driver.findElement(locator).getText());
	}

	/** Submits a plain form and waits for the page it leads to. */
	private void submitAndWait(By button) {
		WebElement before = this.driver.findElement(By.tagName("main"));
		click(button);
		// Gone as a stale element or, caught mid-navigation, as a node outside the
		// document.
		this.wait.until((driver) -> {
			try {
				before.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return true;
			}
		});
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	/** The element alone, with the window as tall as the page so nothing is cut off. */
	private void screenshot(By locator, String path) throws IOException {
		Dimension size = this.driver.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight");
		this.driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 150, 6000)));
		File shot = this.driver.findElement(locator).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of(path), StandardCopyOption.REPLACE_EXISTING);
		this.driver.manage().window().setSize(size);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Waits for the delivery page to list the attempts, reloading it: the attempt is made
	 * by the engine in the background, and the page's own refresh is a convenience, not
	 * what this test is about.
	 */
	private void awaitAttempts(int count) {
		String page = this.driver.getCurrentUrl();
		this.wait.until((driver) -> {
			driver.get(page);
			return driver.findElements(By.cssSelector("#attempts tr.attempt")).size() >= count;
		});
	}

}
