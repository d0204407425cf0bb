package io.patchbay.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final RetrySchedule schedule = new RetrySchedule(
			List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2)));

	@RepeatedTest(20)
	void eachRetryWaitsItsScheduledDelayWithin20PercentJitter() {
		Duration first = Duration.between(NOW, this.schedule.next(1, null, NOW).orElseThrow());
		Duration second = Duration.between(NOW, this.schedule.next(2, null, NOW).orElseThrow());
		assertThat(first).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(6_000));
		assertThat(second).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
	}

	@Test
	void givesUpWhenTheScheduleIsUsedUp() {
		assertThat(this.schedule.next(3, null, NOW)).isPresent();
		assertThat(this.schedule.next(4, null, NOW)).isEmpty();
	}

	@Test
	void honoursRetryAfterUpToTwiceTheScheduledDelay() {
		assertThat(this.schedule.next(2, "50", NOW)).contains(NOW.plusSeconds(50));
		assertThat(this.schedule.next(2, "3600", NOW)).contains(NOW.plusSeconds(60));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(45).atZone(ZoneOffset.UTC));
		assertThat(this.schedule.next(2, date, NOW)).contains(NOW.plusSeconds(45));
		Duration ignored = Duration.between(NOW, this.schedule.next(1, "soon", NOW).orElseThrow());
		assertThat(ignored).isBetween(Duration.ofMillis(4_000), Duration.ofMillis(6_000));
	}

}
