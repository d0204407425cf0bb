package io.patchbay;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every main page of the console and of the member app, at a desktop width (1400 px) and
 * a phone's (390 px): nothing reaches past the window's right edge, axe-core finds no
 * serious accessibility violation, a keyboard reaches the content past the navigation,
 * and a screenshot of each page lands in {@code target/screenshots} for anyone to look
 * at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class LayoutBrowserIntegrationTests {

	private static final List<Integer> WIDTHS = List.of(1400, 390);

	@LocalServerPort
	int port;

	Browser window;

	/** The window's driver and its wait, which most steps use directly. */
	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		this.window = Browser.open(this.port, 1400, 1000);
		this.browser = this.window.driver();
		this.wait = this.window.waiting();
	}

	@AfterEach
	void closeBrowser() {
		if (this.window != null) {
			this.window.close();
		}
	}

	@Test
	void mainPagesFitTheWindowAtBothWidths() {
		String integration = created("/api/admin/integrations",
				Map.of("name", "Layout bot " + System.nanoTime(), "kind", "BOT"));
		String group = created("/api/admin/groups", Map.of("name", "Layout group " + System.nanoTime(), "privacy",
				"OPEN", "description", "A group whose name and description are long enough to wrap on a phone"));
		// Rows in the lists that grow wide: an OAuth client, and audit entries (above).
		created("/api/admin/oauth-clients",
				Map.of("name", "layout-" + Long.toString(System.nanoTime(), 36), "clientId", "patchbay-layout-client",
						"clientSecret", "s3cret", "grantType", "client_credentials", "tokenUrl",
						"https://login.patchbay.test/oauth2/v2.0/token"));
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		pages.put("console-integrations", "/console/integrations");
		pages.put("console-integration", "/console/integrations/" + integration);
		pages.put("console-webhooks", "/console/integrations/" + integration + "/webhooks");
		pages.put("console-people", "/console/people");
		pages.put("console-connections", "/console/connections");
		pages.put("console-workflows", "/console/workflows");
		pages.put("console-single-sign-on", "/console/single-sign-on");
		pages.put("console-audit", "/console/audit");
		pages.put("console-settings", "/console/settings");
		pages.put("app-home", "/app");
		pages.put("app-group", "/app/groups/" + group);
		pages.put("app-group-members", "/app/groups/" + group + "/members");
		pages.put("app-post", "/app/groups/" + group + "/posts/" + postIn(group));
		pages.put("app-people", "/app/people");
		pages.put("app-profile",
				"/app/people/" + created("/api/admin/members",
						Map.of("email", "layout-" + System.nanoTime() + "@example.com", "name", "Layout Colleague",
								"title", "A title long enough to wrap on a phone", "department",
								"Research and development")));
		pages.put("app-chat", "/app/chat");
		pages.put("app-tokens", "/app/tokens");
		pages.put("app-workflows", "/app/workflows");

		signIn();
		SoftAssertions layout = new SoftAssertions();
		for (int width : WIDTHS) {
			this.browser.manage().window().setSize(new Dimension(width, 1000));
			pages.forEach((name, path) -> {
				this.browser.get(url(path));
				this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
				check(layout, name, width);
			});
		}
		// The console's create dialog, open.
		this.browser.manage().window().setSize(new Dimension(1400, 1000));
		this.browser.get(url("/console/integrations"));
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("open-create"))).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-name")));
		check(layout, "console-create-dialog", 1400);
		// The sign-in page, signed out.
		this.browser.manage().deleteAllCookies();
		for (int width : WIDTHS) {
			this.browser.manage().window().setSize(new Dimension(width, 1000));
			this.browser.get(url("/login"));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("email")));
			check(layout, "sign-in", width);
		}
		layout.assertAll();
	}

	@Test
	void theFirstTabReachesASkipLinkToTheContent() {
		signIn();
		for (String path : List.of("/console/integrations", "/app")) {
			this.browser.get(url(path));
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
			new Actions(this.browser).sendKeys(Keys.TAB).perform();
			WebElement focused = this.browser.switchTo().activeElement();
			assertThat(focused.getAttribute("class")).as(path).isEqualTo("skip-link");
			assertThat(focused.getRect().getX()).as("shown once focused").isGreaterThanOrEqualTo(0);
			focused.sendKeys(Keys.ENTER);
			this.wait.until((driver) -> "main-content".equals(driver.switchTo().activeElement().getAttribute("id")));
		}
	}

	@Test
	void theConsoleNavigationShowsWhereTheAdministratorIsAndOnlyWhatTheyMayOpen() {
		signIn();
		this.browser.get(url("/console"));
		this.wait.until(ExpectedConditions.urlContains("/console/integrations"));
		assertThat(current()).isEqualTo("Integrations");
		this.browser.findElement(By.cssSelector("nav.nav a[href='/console/settings']")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settings-sign-in")));
		assertThat(current()).isEqualTo("Settings");
		this.browser.findElement(By.id("configure-sso")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sso")));
		assertThat(current()).as("single sign-on is one of the settings").isEqualTo("Settings");

		// An auditor: the console opens on the audit log, and lists nothing else to
		// manage.
		String email = "auditor-" + System.nanoTime() + "@example.com";
		String auditor = created("/api/admin/members",
				Map.of("email", email, "name", "Auditor", "password", "long-enough-password-1"));
		AdminApi.asAdministrator(TestClients.withoutCookies(this.port))
			.put()
			.uri("/api/admin/members/{id}/admin-permissions", auditor)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("permissions", List.of("view_audit_log")))
			.exchange()
			.expectStatus()
			.isOk();
		this.browser.manage().deleteAllCookies();
		this.window.signIn(email, "long-enough-password-1", "/console/audit");
		assertThat(current()).isEqualTo("Audit log");
		assertThat(this.browser.findElements(By.cssSelector("nav.nav a")).stream().map(WebElement::getText))
			.containsExactly("Audit log", "Settings", "API reference", "Member app");
	}

	/** The console navigation's entry marked as the current page. */
	private String current() {
		return this.browser.findElement(By.cssSelector("nav.nav a[aria-current=page]")).getText();
	}

	private void check(SoftAssertions layout, String name, int width) {
		BrowserChecks.screenshot(this.browser, "layout-" + name + "-" + width);
		layout.assertThatCode(() -> BrowserChecks.assertNoHorizontalScrolling(this.browser))
			.as("%s at %d px", name, width)
			.doesNotThrowAnyException();
		if (width == WIDTHS.getFirst()) {
			layout.assertThatCode(() -> BrowserChecks.assertAccessible(this.browser))
				.as("%s: accessibility", name)
				.doesNotThrowAnyException();
		}
	}

	/** A post with a comment, by the administrator, who joins the open group for it. */
	private String postIn(String group) {
		var asAdmin = AdminApi.asAdministrator(TestClients.withoutCookies(this.port));
		Map<?, ?> me = asAdmin.get()
			.uri("/api/v1/me")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		AdminApi.addToGroup(this.port, group, me.get("id"));
		String post = created("/api/v1/groups/" + group + "/posts",
				Map.of("message", "A post long enough to wrap at the width of a phone, with a comment under it"));
		created("/api/v1/posts/" + post + "/comments", Map.of("message", "A comment, with its time"));
		return post;
	}

	private String created(String path, Map<String, String> body) {
		return String.valueOf(AdminApi.create(this.port, path, body).get("id"));
	}

	private void signIn() {
		this.window.signIn(AdminApi.EMAIL, AdminApi.PASSWORD, "/console");
	}

	private String url(String path) {
		return this.window.url(path);
	}

}
