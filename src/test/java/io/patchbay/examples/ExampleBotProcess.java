package io.patchbay.examples;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * An example bot of {@code examples/} running as a process of its own, launched from its
 * sources by JDK 25's source launcher (multi-file programs), so that no Maven build runs
 * inside a test. It listens on a free port and prints it.
 */
final class ExampleBotProcess implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/webhook");

	private final Process process;

	private final List<String> output = new CopyOnWriteArrayList<>();

	private final int port;

	private ExampleBotProcess(Path mainSource, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "--class-path", jackson(), mainSource.toString())
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf((name) -> name.startsWith("PATCHBAY_"));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", "0");
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().start(this::readOutput);
		try {
			this.port = await("the bot listening").atMost(Duration.ofSeconds(30)).until(this::listeningPort, (port) -> {
				if (port == 0 && !this.process.isAlive()) {
					throw new IllegalStateException("The bot stopped:\n" + output());
				}
				return port > 0;
			});
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Starts {@code examples/<bot>/src/main/java/<main source>}. */
	static ExampleBotProcess start(String bot, String mainSource, Map<String, String> environment) {
		Path source = Path.of("examples", bot, "src", "main", "java").resolve(mainSource).toAbsolutePath();
		if (!Files.isRegularFile(source)) {
			throw new IllegalStateException("No example bot at " + source);
		}
		return new ExampleBotProcess(source, environment);
	}

	String webhookUrl() {
		return "http://localhost:" + this.port + "/webhook";
	}

	String output() {
		return String.join("\n", this.output);
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private int listeningPort() {
		for (String line : this.output) {
			Matcher matcher = LISTENING.matcher(line);
			if (matcher.find()) {
				return Integer.parseInt(matcher.group(1));
			}
		}
		return 0;
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach(this.output::add);
		}
		catch (IOException | UncheckedIOException ex) {
			// The process ended.
		}
	}

	/**
	 * What the bots' builds depend on, Jackson 3, from the jars of this test JVM's class
	 * path: the same version Patchbay resolves.
	 */
	private static String jackson() {
		return List.of(JsonMapper.class, JsonParser.class, JsonProperty.class)
			.stream()
			.map(ExampleBotProcess::jar)
			.distinct()
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String jar(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
