package io.patchbay;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Chromium window on the test server, with what every browser test does: open a path,
 * sign in through the form, wait for an element, read the page. Close it after the test.
 */
public final class Browser implements AutoCloseable {

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private final int port;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		this.port = port;
	}

	public static Browser open(int port) {
		return new Browser(Chromium.start(true), port);
	}

	public static Browser open(int port, int width, int height) {
		return new Browser(Chromium.start(width, height, true), port);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Opens the path and waits for its main content. */
	public Browser get(String path) {
		this.driver.get(url(path));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
		return this;
	}

	/** Types the credentials into the sign-in page and submits them. */
	public Browser submitSignIn(String email, String password) {
		get("/login");
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
		field.clear();
		field.sendKeys(email);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("sign-in")).click();
		return this;
	}

	/** Signs in and waits to land on a page whose path contains {@code landing}. */
	public Browser signIn(String email, String password, String landing) {
		submitSignIn(email, password);
		this.wait.until(ExpectedConditions.urlContains(landing));
		return this;
	}

	public WebElement find(By locator) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	public List<WebElement> all(By locator) {
		return this.driver.findElements(locator);
	}

	/** Clicks once the element can be clicked. */
	public void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	public String text(By locator) {
		return find(locator).getText();
	}

	public String path() {
		return this.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
