package io.patchbay.workflows.web;

import java.time.Duration;

import io.patchbay.BrowserChecks;
import io.patchbay.Chromium;
import io.patchbay.TestClients;
import io.patchbay.chat.web.ChatMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member builds the support-ticket workflow of seed 004 in a real browser: variables, a
 * step with variables picked into its text, publish, reveal and copy the URL; an external
 * service POSTs to it, and the message shows in the channel's chat page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class WorkflowBuilderBrowserIntegrationTests {

	@Autowired
	RestTestClient client;

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.browser = Chromium.start(1280, 1400, true);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aMemberBuildsPublishesAndTriggersAWebhookWorkflow() {
		ChatMember grace = ChatMember.invite(TestClients.withoutCookies(this.port), "Grace Hopper");
		ChatMember agent = ChatMember.create(this.client, "Alan Agent");
		this.browser.get(url(grace.invitation()));
		this.browser.findElement(By.name("password")).sendKeys(grace.password());
		this.browser.findElement(By.name("confirmation")).sendKeys(grace.password());
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/app$"));
		String channel = WorkflowHooks.channel(grace, "Support desk", agent);

		click(By.linkText("Workflows"));
		this.browser.findElement(By.name("name")).sendKeys("Ticket router");
		click(By.cssSelector("#new button[type=submit]"));
		this.wait.until(ExpectedConditions.urlMatches("/app/workflows/\\d+$"));

		addVariable("support_ticket_link", "text");
		addVariable("assigned_support_agent", "member");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sample"), "assigned_support_agent"));

		new Select(this.browser.findElement(By.id("step-channel"))).selectByVisibleText("Support desk");
		this.browser.findElement(By.id("step-text")).sendKeys("New ticket ");
		new Select(this.browser.findElement(By.cssSelector("select[data-insert-into=step-text]")))
			.selectByValue("{{support_ticket_link}}");
		this.browser.findElement(By.id("step-text")).sendKeys(" assigned to ");
		new Select(this.browser.findElement(By.cssSelector("select[data-insert-into=step-text]")))
			.selectByValue("{{assigned_support_agent}}");
		assertThat(this.browser.findElement(By.id("step-connection")).isDisplayed()).as("API-call fields hidden")
			.isFalse();
		click(By.cssSelector("button.save-step"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".steps"),
				"New ticket {{support_ticket_link}} assigned to {{assigned_support_agent}}"));

		click(By.cssSelector("button.publish"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "Published"));
		assertThat(this.browser.findElement(By.id("workflow-url")).getText()).endsWith("/hooks/workflows/*****");
		click(By.cssSelector("button.reveal"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.copy")));
		String url = this.browser.findElement(By.id("workflow-url")).getText();
		assertThat(url).contains("/hooks/workflows/").doesNotContain("*****");
		click(By.cssSelector("button.copy"));
		BrowserChecks.screenshot(this.browser, "workflow-builder");

		var accepted = WorkflowHooks.trigger(TestClients.withoutCookies(this.port),
				url.replaceFirst("^https?://[^/]+", ""), "{\"support_ticket_link\":\"https://help.example.com/t/7\","
						+ "\"assigned_support_agent\":\"" + agent.email() + "\"}");
		assertThat(accepted.getStatus().value()).isEqualTo(200);

		this.browser.get(url("/app/chat/" + channel));
		this.wait.until((driver) -> driver.findElement(By.id("messages"))
			.getText()
			.contains("New ticket https://help.example.com/t/7 assigned to @Alan Agent"));
		assertThat(this.browser.findElement(By.id("messages")).getText()).contains("Ticket router");
		BrowserChecks.assertNoPolicyViolation(this.browser);

		this.browser.get(url("/app/workflows"));
		click(By.linkText("Ticket router"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "Succeeded"));
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.navigate().refresh();
		BrowserChecks.assertNoHorizontalScrolling(this.browser);
		BrowserChecks.screenshot(this.browser, "workflow-builder-390");
	}

	private void addVariable(String key, String type) {
		this.wait
			.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("#trigger form.variable-form input[name=key]")))
			.sendKeys(key);
		new Select(this.browser.findElement(By.cssSelector("#trigger form.variable-form select[name=type]")))
			.selectByValue(type);
		click(By.cssSelector("#trigger form.variable-form button[type=submit]"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".variables"), key));
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
