package io.patchbay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test checks of the pages it saw: no Content-Security-Policy
 * violation in the console, nothing wider than the window; and a screenshot in
 * {@code target/screenshots} for anyone to look at.
 */
public final class BrowserChecks {

	private BrowserChecks() {
	}

	public static void assertNoPolicyViolation(WebDriver browser) {
		List<String> violations = browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy") || message.contains("Refused to"))
			.toList();
		assertThat(violations).isEmpty();
	}

	public static void assertNoHorizontalScrolling(WebDriver browser) {
		// The elements that reach past the right edge, named by tag, id and class; those
		// inside a box that scrolls (or clips) within the window do not make the page
		// scroll.
		Object wide = ((JavascriptExecutor) browser).executeScript("""
				const width = document.documentElement.clientWidth;
				const contained = (element) => {
					for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
						if (getComputedStyle(box).overflowX !== 'visible') {
							return box.getBoundingClientRect().right <= width + 1;
						}
					}
					return false;
				};
				return Array.from(document.querySelectorAll('body *'))
					.filter((element) => element.getBoundingClientRect().right > width + 1 && !contained(element))
					.map((element) => element.tagName + '#' + element.id + '.' + element.className);""");
		assertThat((List<?>) wide).as("elements wider than the window").isEmpty();
	}

	/**
	 * Runs axe-core (vendored in {@code src/test/resources/axe}) over the page: no
	 * serious or critical violation of WCAG 2.1 A and AA.
	 */
	public static void assertAccessible(WebDriver browser) {
		JavascriptExecutor page = (JavascriptExecutor) browser;
		page.executeScript(AXE.get());
		Object violations = page.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
					.then((results) => done(results.violations
						.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
						.map((violation) => violation.id + ' (' + violation.help + '): '
							+ violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join(', '))))
					.catch((error) => done(['axe failed: ' + error]));""");
		assertThat((List<?>) violations).as("serious accessibility violations").isEmpty();
	}

	private static final java.util.function.Supplier<String> AXE = com.google.common.base.Suppliers.memoize(() -> {
		try (var in = BrowserChecks.class.getResourceAsStream("/axe/axe.min.js")) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	});

	public static void screenshot(WebDriver browser, String name) {
		try {
			Path file = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
