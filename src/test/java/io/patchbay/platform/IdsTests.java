package io.patchbay.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	private final Ids ids = new Ids(Clock.systemUTC(), NodeLease.fixed(7));

	@Test
	void idsAreUniqueIncreasingDecimalStringsOfAtMost19Digits() {
		Set<Long> seen = new HashSet<>();
		long previous = 0;
		for (int i = 0; i < 50_000; i++) {
			long id = this.ids.next();
			assertThat(id).isGreaterThan(previous);
			assertThat(String.valueOf(id)).hasSizeBetween(15, 19);
			assertThat(seen.add(id)).isTrue();
			assertThat(Ids.nodeOf(id)).isEqualTo(7);
			previous = id;
		}
	}

	@Test
	void twoNodesWithTheSameClockNeverCollide() {
		Clock stopped = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
		Ids first = new Ids(stopped, NodeLease.fixed(1));
		Ids second = new Ids(stopped, NodeLease.fixed(2));
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			assertThat(seen.add(first.next())).isTrue();
			assertThat(seen.add(second.next())).isTrue();
		}
	}

	@Test
	void parsesOnlyDecimalIds() {
		assertThat(Ids.parse("100012345678901")).isEqualTo(100012345678901L);
		assertThat(Ids.parse("")).isEqualTo(-1);
		assertThat(Ids.parse("12a")).isEqualTo(-1);
		assertThat(Ids.parse("-5")).isEqualTo(-1);
		assertThat(Ids.parse("99999999999999999999")).isEqualTo(-1);
	}

}
