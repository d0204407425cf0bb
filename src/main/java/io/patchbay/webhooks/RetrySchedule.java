package io.patchbay.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * When a failed delivery is tried again: the schedule's delay for this retry with ±20 %
 * jitter (so that retries of many deliveries do not arrive together), or the receiver's
 * {@code Retry-After} when it asks for longer, up to twice the scheduled delay. Empty
 * when the schedule is used up.
 */
record RetrySchedule(List<Duration> delays) {

	Optional<Instant> next(int attemptsMade, @Nullable String retryAfter, Instant now) {
		if (attemptsMade > this.delays.size()) {
			return Optional.empty();
		}
		Duration scheduled = this.delays.get(attemptsMade - 1);
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		Duration delay = Duration.ofMillis((long) (scheduled.toMillis() * jitter));
		Duration asked = parseRetryAfter(retryAfter, now);
		if (asked != null && asked.compareTo(delay) > 0) {
			delay = (asked.compareTo(scheduled.multipliedBy(2)) > 0) ? scheduled.multipliedBy(2) : asked;
		}
		return Optional.of(now.plus(delay));
	}

	private static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.strip(), Instant::from);
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

}
