package io.patchbay.workflows;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The {@code {{name}}} references of a step's text: a declared variable
 * ({@code {{assigned_support_agent}}}) or an earlier API call's result
 * ({@code {{step2.status}}}, {@code {{step2.body.id}}}).
 */
final class Template {

	static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_-]+)*)\\s*}}");

	private static final Pattern STEP = Pattern.compile("step([1-9][0-9]?)");

	private Template() {
	}

	static List<String> references(String text) {
		return REFERENCE.matcher(text).results().map((result) -> result.group(1)).toList();
	}

	/** The reference a field holds when it is exactly one, such as a destination. */
	static @Nullable String soleReference(String text) {
		Matcher matcher = REFERENCE.matcher(text.strip());
		return matcher.matches() ? matcher.group(1) : null;
	}

	/** The step number of a {@code stepN…} reference, or 0 for a variable. */
	static int stepOf(String reference) {
		int dot = reference.indexOf('.');
		Matcher matcher = STEP.matcher((dot < 0) ? reference : reference.substring(0, dot));
		return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	/** What follows {@code stepN.}: {@code status}, {@code body} or {@code body.a.b}. */
	static List<String> pathOf(String reference) {
		int dot = reference.indexOf('.');
		return (dot < 0) ? List.of() : List.of(reference.substring(dot + 1).split("\\."));
	}

}
