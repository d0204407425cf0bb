package io.patchbay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the parts of the suite that this machine cannot run (the PostgreSQL run without
 * {@code PATCHBAY_TEST_POSTGRES_URL}, browser tests without Debian's chromedriver) and
 * says so once; under CI ({@code PATCHBAY_TEST_STRICT=true}) those parts are mandatory
 * and fail instead. Registered for every test through JUnit's extension autodetection.
 */
public class TestRequirements implements ExecutionCondition {

	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Set<String> announced = ConcurrentHashMap.newKeySet();

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (context.getTestMethod().isPresent()) {
			return ConditionEvaluationResult.enabled("checked on the class");
		}
		if (TestDatabase.postgresql() && isBlank(System.getenv(TestDatabase.POSTGRES_URL_VARIABLE))) {
			return missing("PostgreSQL run skipped: set " + TestDatabase.POSTGRES_URL_VARIABLE
					+ " (for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run it");
		}
		boolean browser = context.getTestClass()
			.map((type) -> type.getSimpleName().endsWith("BrowserIntegrationTests"))
			.orElse(false);
		if (browser && !(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM))) {
			return missing("Browser tests skipped: install Debian's chromium and chromium-driver to run them");
		}
		return ConditionEvaluationResult.enabled("requirements met");
	}

	private static ConditionEvaluationResult missing(String reason) {
		if ("true".equals(System.getenv("PATCHBAY_TEST_STRICT"))) {
			throw new IllegalStateException("Mandatory under PATCHBAY_TEST_STRICT=true: " + reason);
		}
		if (announced.add(reason)) {
			System.out.println("SKIPPED: " + reason);
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
