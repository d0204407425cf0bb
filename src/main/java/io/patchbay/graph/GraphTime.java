package io.patchbay.graph;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Times as the Graph API writes them ({@code 2026-11-22T10:00:00+0000}) and reads them in
 * {@code since} and {@code until}: Unix seconds or an ISO 8601 date or date-time.
 */
final class GraphTime {

	private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
		.withZone(ZoneOffset.UTC);

	private GraphTime() {
	}

	static @Nullable String format(@Nullable Instant instant) {
		return (instant != null) ? GRAPH.format(instant) : null;
	}

	/** The parameter as an instant; error 100 naming it when it is none. */
	static @Nullable Instant parse(GraphParameters parameters, String name) {
		String value = parameters.value(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		String given = value.strip();
		try {
			if (given.chars().allMatch(Character::isDigit) && given.length() <= 12) {
				return Instant.ofEpochSecond(Long.parseLong(given));
			}
			if (given.length() == 10) {
				return LocalDate.parse(given).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (given.endsWith("Z")) {
				return Instant.parse(given);
			}
			return OffsetDateTime.parse(given, given.matches(".*[+-]\\d{4}$") ? GRAPH_INPUT : ISO).toInstant();
		}
		catch (DateTimeException | NumberFormatException ex) {
			throw GraphException
				.invalidParameter("(#100) " + name + " must be a Unix time in seconds or an ISO 8601 date");
		}
	}

	private static final DateTimeFormatter GRAPH_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

}
