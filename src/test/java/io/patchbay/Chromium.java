package io.patchbay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium for the browser tests, driven through Debian's chromedriver
 * (an explicit driver keeps Selenium Manager from downloading one), with a fresh profile
 * and the flags this machine's closed network needs; the browser console is kept, so that
 * a test can check the page broke no Content-Security-Policy rule.
 */
public final class Chromium {

	private Chromium() {
	}

	/** A 1280×1800 window, with or without JavaScript. */
	public static ChromeDriver start(boolean javascript) {
		return start(1280, 1800, javascript);
	}

	public static ChromeDriver start(int width, int height, boolean javascript) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(TestRequirements.CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--user-data-dir=" + profile());
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(TestRequirements.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** A fresh profile folder, removed when the tests end. */
	private static Path profile() {
		try {
			Path profile = Files.createTempDirectory("patchbay-chromium-");
			Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> delete(profile)));
			return profile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Best effort: a leftover temporary profile is harmless.
		}
	}

}
