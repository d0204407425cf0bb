package io.patchbay.chat.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.patchbay.BrowserChecks;
import io.patchbay.Chromium;
import io.patchbay.TestClients;
import io.patchbay.chat.Message;
import io.patchbay.platform.Ids;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat with a bot in a real browser, as a person does it: an invited member sets a
 * password, opens the bot from the "New chat" picker and writes; the bot (a WireMock
 * receiver answering through the Send API) replies with buttons, which appear without a
 * reload; the member clicks one, and the bot's answer to the postback appears too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ChatBrowserIntegrationTests {

	static WireMockServer receiver = new WireMockServer(options().dynamicPort().globalTemplating(true));

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeAll
	static void start() {
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop();
	}

	@BeforeEach
	void openBrowser() throws IOException {
		this.browser = Chromium.start(1280, 1400, true);
		// htmx swaps elements while the test looks at them: a stale one is looked up
		// again.
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
	void aMemberChatsWithABotThatAnswersWithButtonsAndThePostbackAnswerArrivesLive() {
		ChatBot bot = new ChatBot(TestClients.withoutCookies(this.port), receiver, "Helpdesk");
		bot.logo();
		ChatMember margaret = ChatMember.invite(TestClients.withoutCookies(this.port), "Margaret Hamilton");

		this.browser.get(url(margaret.invitation()));
		this.browser.findElement(By.name("password")).sendKeys(margaret.password());
		this.browser.findElement(By.name("confirmation")).sendKeys(margaret.password());
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/app$"));

		click(By.cssSelector("a.nav-chat"));
		this.wait.until(ExpectedConditions.urlMatches("/app/chat$"));
		click(By.cssSelector("#new-chat summary"));
		click(By.xpath("//label[contains(@class, 'choice')][.//span[text()='" + bot.name + "']]//input"));
		click(By.cssSelector(".picker button[type=submit]"));
		this.wait.until(ExpectedConditions.urlMatches("/app/chat/t_\\d+$"));
		String thread = this.browser.getCurrentUrl();
		assertThat(this.browser.findElement(By.cssSelector(".chat-header h1")).getText()).isEqualTo(bot.name);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live")));
		// Gone if the page were loaded again.
		((JavascriptExecutor) this.browser).executeScript("window.sameChatPage = true");

		this.browser.findElement(By.name("text")).sendKeys("My laptop is broken");
		click(By.cssSelector("#composer button[type=submit]"));
		this.wait.until((driver) -> messages().contains("My laptop is broken"));
		this.wait.until((driver) -> driver.findElement(By.name("text")).getDomProperty("value").isEmpty());

		JsonNode written = bot.awaitEvent((event) -> event.has("message"));
		assertThat(written.get("message").get("text").asString()).isEqualTo("My laptop is broken");
		String memberId = written.get("sender").get("id").asString();
		bot.json(bot.send(Map.of("recipient", Map.of("id", memberId), "sender_action", "typing_on")));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("typing"), bot.name + " is typing…"));
		bot.sendButtons(memberId, "Shall I open a ticket?", List.of(ChatBot.postback("Open a ticket", "TICKET"),
				ChatBot.webUrl("Help pages", "https://example.com/help")));

		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("typing")));
		WebElement help = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Help pages")));
		assertThat(help.getDomAttribute("target")).isEqualTo("_blank");
		assertThat(help.getDomAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(messages()).contains("Shall I open a ticket?");
		click(By.xpath("//button[normalize-space()='Open a ticket']"));

		JsonNode clicked = bot.awaitEvent((event) -> event.has("postback"));
		assertThat(clicked.get("postback").get("payload").asString()).isEqualTo("TICKET");
		String answer = bot.sendText(memberId, "Ticket #42 is open");
		this.wait.until((driver) -> messages().contains("Ticket #42 is open"));

		// The page showed the answer: the bot learns it was delivered and read.
		long shownAt = Ids.timeOf(Message.parseApiId(answer)).toEpochMilli();
		bot.awaitEvent((event) -> event.has("read") && event.get("read").get("watermark").asLong() >= shownAt);
		assertThat(this.browser.getCurrentUrl()).isEqualTo(thread);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.sameChatPage")).isEqualTo(true);
		assertThat(this.browser.findElements(By.cssSelector("#messages > li.message"))).hasSize(3);
		BrowserChecks.assertNoPolicyViolation(this.browser);
		BrowserChecks.screenshot(this.browser, "chat-thread");

		// The list of threads counts what arrives while it is shown, the navigation too.
		this.browser.get(url("/app/chat"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("live")));
		bot.sendText(memberId, "One more thing");
		this.wait.until(ExpectedConditions.textToBe(By.cssSelector("#threads .thread-entry.unread .count"), "1"));
		this.wait.until(ExpectedConditions.textToBe(By.id("chat-unread"), "1"));
		BrowserChecks.screenshot(this.browser, "chat-threads");

		// At a phone's width the pages fit without scrolling sideways.
		this.browser.manage().window().setSize(new Dimension(390, 844));
		this.browser.get(thread);
		this.wait.until((driver) -> messages().contains("One more thing"));
		BrowserChecks.assertNoHorizontalScrolling(this.browser);
		BrowserChecks.screenshot(this.browser, "chat-thread-390");
		this.browser.get(url("/app/chat"));
		click(By.cssSelector("#new-chat summary"));
		BrowserChecks.assertNoHorizontalScrolling(this.browser);
		BrowserChecks.screenshot(this.browser, "chat-threads-390");
	}

	/** The thread's messages as shown; htmx or chat.js may be adding one right now. */
	private String messages() {
		return this.browser.findElement(By.id("messages")).getText();
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
