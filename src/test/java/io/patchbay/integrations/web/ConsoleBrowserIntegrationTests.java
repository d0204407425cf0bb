package io.patchbay.integrations.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.patchbay.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the admin console in a real headless Chromium, as an administrator would: sign
 * in, create a bot, configure it, and delete it. Uses the locally installed Chromium and
 * chromedriver so that nothing is downloaded while the tests run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConsoleBrowserIntegrationTests {

	private static final Path SCREENSHOT = Path.of("target/console-detail.png");

	@LocalServerPort
	private int port;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser(org.junit.jupiter.api.TestInfo test) throws IOException {
		this.driver = Chromium.start(!test.getTags().contains("no-javascript"));
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(15));
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void administratorCreatesConfiguresAndDeletesABot() throws IOException {
		String group = groupNamed("Picker group " + System.nanoTime());
		signIn();
		String name = "Helpdesk bot";

		// Create through the dialog.
		click(By.id("open-create"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-name"))).sendKeys(name);
		this.driver.findElement(By.id("create-description")).sendKeys("Answers IT questions");
		click(By.id("kind-bot"));
		click(By.id("create-submit"));
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), name));

		// Find it with the list's search, then open it.
		this.driver.get(url("/console/integrations"));
		this.driver.findElement(By.id("integrations-query")).sendKeys("helpdesk");
		submitAndWait(By.cssSelector("#integrations-search button"));
		assertThat(this.driver.findElements(By.cssSelector("#integrations tbody a"))).extracting(WebElement::getText)
			.contains(name)
			.allSatisfy((found) -> assertThat(found).containsIgnoringCase("helpdesk"));
		this.driver.get(url("/console/integrations?query=no-such-integration"));
		assertThat(text(By.cssSelector("#integrations .empty"))).contains("No integration matches",
				"no-such-integration");
		this.driver.get(url("/console/integrations"));
		click(By.linkText(name));
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), name));
		String detailUrl = this.driver.getCurrentUrl().replaceAll("#.*$", "");
		assertThat(this.driver.findElement(By.id("permission-message_any_member")).isSelected())
			.as("a bot starts with message_any_member")
			.isTrue();

		// The access token is shown once, swapped in by htmx: the rest of the page stays,
		// which also proves htmx requests carry the CSRF token.
		WebElement page = this.driver.findElement(By.tagName("main"));
		click(By.id("create-access-token"));
		String token = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-token"))).getText();
		assertThat(token).startsWith("pbt_");
		assertThat(page.isDisplayed()).as("htmx swapped only the access token panel").isTrue();
		click(By.id("reveal-app-secret"));
		this.wait.until(ExpectedConditions.textMatches(By.id("app-secret-value"),
				java.util.regex.Pattern.compile("^[0-9a-f]{64}$")));
		saveScreenshot();
		// The swapped-in panels act on this integration (they once posted to
		// /console/integrations/null/...): reset gives a new token and ends the old one,
		// revoke ends the new one.
		assertThat(this.driver.findElements(By.cssSelector("#access-token-panel form, #app-secret form")))
			.extracting((form) -> form.getAttribute("action"))
			.allSatisfy((action) -> assertThat(action).startsWith(detailUrl + "/"));
		assertThat(graphStatus(token)).isEqualTo(200);
		click(By.id("create-access-token"));
		this.wait.until(ExpectedConditions.alertIsPresent()).accept();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("access-token"), token)));
		String reset = this.driver.findElement(By.id("access-token")).getText();
		assertThat(reset).startsWith("pbt_");
		assertThat(graphStatus(token)).as("the token before the reset").isEqualTo(401);
		assertThat(graphStatus(reset)).isEqualTo(200);
		submitAndWait(By.id("revoke-access-token"));
		assertThat(this.driver.getCurrentUrl()).startsWith(detailUrl);
		assertThat(text(By.id("access-token-state"))).isEqualTo("This integration has no access token yet.");
		assertThat(graphStatus(reset)).as("the revoked token").isEqualTo(401);
		// A revealed secret has a copy button and hides again; the app id copies too.
		assertThat(this.driver.findElements(By.id("copy-app-id"))).hasSize(1);
		click(By.id("reveal-app-secret"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-app-secret")));
		submitAndWait(By.id("hide-app-secret"));
		assertThat(text(By.id("app-secret-value"))).doesNotMatch("[0-9a-f]{64}");
		assertThat(this.driver.findElements(By.id("copy-app-secret"))).isEmpty();

		// Permissions survive a reload.
		click(By.id("permission-read_group"));
		click(By.id("permission-read_user_email"));
		submitAndWait(By.id("save-permissions"));
		// "Changes saved." is drawn in the section the page scrolled to.
		assertThat(text(By.cssSelector("#permissions .notice.success"))).isNotEmpty();
		// A bad group id keeps the choice and what was typed, with the error there.
		click(By.id("group-access-list"));
		WebElement ids = this.driver.findElement(By.id("group-ids"));
		ids.clear();
		ids.sendKeys("12, not-a-group");
		submitAndWait(By.id("save-permissions"));
		assertThat(text(By.cssSelector("#permissions .notice.error"))).contains("not-a-group");
		assertThat(this.driver.findElement(By.id("group-access-list")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("group-ids")).getAttribute("value")).isEqualTo("12, not-a-group");
		assertThat(this.driver.findElement(By.id("permission-read_group")).isSelected()).isTrue();
		// The picker lists groups by name; ticking one writes its id beside what was
		// typed.
		type(By.id("group-filter"), "Picker group");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pick-group-" + group)));
		assertThat(this.driver.findElements(By.cssSelector("#group-choices li:not([hidden])")))
			.allSatisfy((item) -> assertThat(item.getText()).contains("Picker group"));
		click(By.id("pick-group-" + group));
		assertThat(this.driver.findElement(By.id("group-ids")).getAttribute("value"))
			.isEqualTo("12, not-a-group, " + group);
		click(By.id("pick-group-" + group));
		assertThat(this.driver.findElement(By.id("group-ids")).getAttribute("value")).isEqualTo("12, not-a-group");
		WebElement typed = this.driver.findElement(By.id("group-ids"));
		typed.clear();
		typed.sendKeys(group);
		submitAndWait(By.id("save-permissions"));
		assertThat(text(By.cssSelector("#permissions .notice.success"))).isNotEmpty();
		this.wait.until(ExpectedConditions.elementToBeSelected(By.id("pick-group-" + group)));
		assertThat(this.driver.findElement(By.id("group-access-list")).isSelected()).isTrue();
		// Ids typed while "All groups" is chosen are not kept, and the notice says so.
		click(By.id("group-access-all"));
		type(By.id("group-ids"), group + ", 12");
		submitAndWait(By.id("save-permissions"));
		assertThat(text(By.cssSelector("#permissions .notice.success"))).contains("not kept");
		this.driver.navigate().refresh();
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), name));
		assertThat(this.driver.findElement(By.id("permission-read_group")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("permission-read_user_email")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("permission-manage_accounts")).isSelected()).isFalse();
		assertThat(this.driver.findElements(By.id("access-token"))).as("the token is shown only once").isEmpty();

		// The time in the proof needs the proof; both survive a reload.
		click(By.id("require-time"));
		submitAndWait(By.id("save-security"));
		assertThat(this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#security .notice.error")))
			.getText()).contains("requireAppSecretProof");
		click(By.id("require-proof"));
		click(By.id("require-time"));
		submitAndWait(By.id("save-security"));
		this.driver.navigate().refresh();
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), name));
		assertThat(this.driver.findElement(By.id("require-proof")).isSelected()).isTrue();
		assertThat(this.driver.findElement(By.id("require-time")).isSelected()).isTrue();

		// Disable it.
		assertThat(this.driver.findElement(By.id("enabled")).isSelected()).isTrue();
		click(By.id("enabled"));
		submitAndWait(By.id("save-visibility"));
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-status"), "Disabled"));
		assertThat(this.driver.findElement(By.id("enabled")).isSelected()).isFalse();

		// In French.
		this.driver.get(detailUrl + "?lang=fr");
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-status"), "Désactivée"));
		assertThat(this.driver.findElement(By.cssSelector("#permissions h2")).getText()).isEqualTo("Autorisations");
		assertThat(this.driver.findElement(By.cssSelector("label[for=confirm-name]")).getText()).contains("Saisissez");
		assertThat(this.driver.findElement(By.id("security")).getText()).contains("Exiger l’heure dans la preuve");
		this.driver.get(detailUrl + "?lang=en");
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-status"), "Disabled"));

		// A near miss deletes nothing.
		this.driver.findElement(By.id("confirm-name")).sendKeys(name.toLowerCase());
		submitAndWait(By.id("delete-integration"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#delete .notice.error")));
		assertThat(this.driver.findElement(By.id("integration-name")).getText()).isEqualTo(name);

		// The exact name deletes.
		this.driver.findElement(By.id("confirm-name")).sendKeys(name);
		submitAndWait(By.id("delete-integration"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("integrations")));
		assertThat(this.driver.getCurrentUrl()).endsWith("/console/integrations");
		List<WebElement> links = this.driver.findElements(By.cssSelector("#integrations a"));
		assertThat(links).extracting(WebElement::getText).doesNotContain(name);

		// An unknown integration gets a friendly page, not a stack trace.
		this.driver.get(url("/console/integrations/987654321"));
		assertThat(this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText())
			.isEqualTo("Not found");
		this.driver.get(url("/console/integrations/not-an-id"));
		assertThat(this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1"))).getText())
			.isEqualTo("Not found");

		// And the audit log tells the story.
		this.driver.get(url("/console/audit"));
		String audit = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit"))).getText();
		assertThat(audit).contains("integration.created", "integration.access_token_created",
				"integration.app_secret_revealed", "integration.permissions_changed", "integration.security_changed",
				"requireAppSecretTime=true", "integration.deleted");
		// In words, with the address as people write it, and the page no wider than the
		// window.
		assertThat(audit).contains("Integration created", "Access token created", "Permissions changed")
			.doesNotContain("0:0:0:0:0:0:0:1");
		assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

		// Filtered to one action, of today: each row is that action, linked to its
		// object.
		new org.openqa.selenium.support.ui.Select(this.driver.findElement(By.id("audit-action")))
			.selectByValue("integration.permissions_changed");
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("document.getElementById('audit-from').value = arguments[0]; "
					+ "document.getElementById('audit-to').value = arguments[0];", today);
		click(By.cssSelector("#audit-filters button[type=submit]"));
		this.wait.until(ExpectedConditions.urlContains("action=integration.permissions_changed"));
		List<WebElement> rows = this.driver.findElements(By.cssSelector("#audit tbody tr"));
		assertThat(rows).isNotEmpty().allSatisfy((row) -> assertThat(row.getText()).contains("Permissions changed"));
		assertThat(this.driver.findElement(By.id("audit-from")).getAttribute("value")).isEqualTo(today);
		String object = rows.getFirst().findElement(By.cssSelector("td a")).getAttribute("href");
		assertThat(object).matches(".*/console/integrations/\\d+$");
		// Nobody by that name: the table says so, and the filters can be cleared.
		this.driver.get(url("/console/audit?actor=nobody-" + System.nanoTime()));
		assertThat(this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit"))).getText())
			.contains("No entry matches");
		click(By.id("audit-clear"));
		this.wait.until(ExpectedConditions.urlMatches("/console/audit$"));
	}

	@Test
	void duplicateNameIsShownInTheDialog() {
		signIn();
		for (int attempt = 0; attempt < 2; attempt++) {
			this.driver.get(url("/console/integrations"));
			click(By.id("open-create"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-name"))).sendKeys("HR sync");
			click(By.id("create-submit"));
			this.wait
				.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("integration-name")),
						ExpectedConditions.presenceOfElementLocated(By.cssSelector("#create-dialog .notice.error"))));
		}
		assertThat(this.driver.findElement(By.cssSelector("#create-dialog .notice.error")).getText())
			.contains("already exists");
		assertThat(this.driver.findElement(By.id("create-name")).getAttribute("value")).isEqualTo("HR sync");
	}

	/** Every action works as a plain form too: htmx and the dialog only make it nicer. */
	@Test
	@org.junit.jupiter.api.Tag("no-javascript")
	void consoleWorksWithoutJavaScript() {
		signIn();
		click(By.id("open-create"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-name"))).sendKeys("Payroll export");
		click(By.id("create-submit"));
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), "Payroll export"));
		submitAndWait(By.id("create-access-token"));
		assertThat(this.driver.findElement(By.id("access-token")).getText()).startsWith("pbt_");
		submitAndWait(By.id("reveal-app-secret"));
		assertThat(this.driver.findElement(By.id("app-secret-value")).getText()).matches("[0-9a-f]{64}");
		this.driver.findElement(By.id("allowed-ips")).sendKeys("not-an-address");
		submitAndWait(By.id("save-security"));
		assertThat(this.driver.findElement(By.cssSelector("#security .notice.error")).getText()).isNotBlank();
		this.driver.navigate().refresh();
		this.wait.until(ExpectedConditions.textToBe(By.id("integration-name"), "Payroll export"));
		assertThat(this.driver.findElements(By.id("access-token"))).as("the token is shown only once").isEmpty();
	}

	/** A new group, made through the admin API; its id. */
	private String groupNamed(String name) {
		return String.valueOf(
				io.patchbay.AdminApi.create(this.port, "/api/admin/groups", Map.of("name", name, "privacy", "CLOSED"))
					.get("id"));
	}

	private void type(By locator, String text) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
		field.clear();
		field.sendKeys(text);
	}

	/** The status of a Graph API call with an integration's token. */
	private int graphStatus(String token) {
		try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
			return http
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/graph/me")))
					.header("Authorization", "Bearer " + token)
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void signIn() {
		this.driver.get(url("/login"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys("admin@example.com");
		this.driver.findElement(By.id("password")).sendKeys(io.patchbay.AdminApi.PASSWORD);
		click(By.id("sign-in"));
		this.wait.until(ExpectedConditions.urlContains("/console/integrations"));
		assertThat(this.driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("admin@example.com");
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/** Submits a plain form and waits for the page it redirects to. */
	private void submitAndWait(By button) {
		WebElement before = this.driver.findElement(By.tagName("main"));
		click(button);
		// The old page is gone once its main element is: Chromium says so either as a
		// stale element or, caught mid-navigation, as a node outside the document.
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

	private void saveScreenshot() throws IOException {
		Dimension size = this.driver.manage().window().getSize();
		long height = (Long) ((org.openqa.selenium.JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollHeight");
		this.driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 150, 6000)));
		File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
		this.driver.manage().window().setSize(size);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private String text(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
	}

}
