package io.patchbay.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Generates the decimal ids of every object, as the Graph API shows them: time-ordered
 * (so that newest-first paging follows ids) and unique across nodes without coordination,
 * 15 to 18 digits.
 */
@Component
public class Ids {

	/** 2024-01-01T00:00:00Z: keeps ids short for decades. */
	private static final long EPOCH = 1_704_067_200_000L;

	private static final long OFFSET = 100_000_000_000_000L;

	private static final int NODE_BITS = 8;

	private static final int SEQUENCE_BITS = 12;

	private final Clock clock;

	private final long node;

	private final AtomicLong last = new AtomicLong();

	public Ids(Clock clock) {
		this.clock = clock;
		this.node = new SecureRandom().nextInt(1 << NODE_BITS);
	}

	public long next() {
		long now = (this.clock.millis() - EPOCH) << SEQUENCE_BITS;
		long value = this.last.updateAndGet((previous) -> Math.max(previous + 1, now));
		return OFFSET + ((value << NODE_BITS) | this.node);
	}

	/** Parses an id from a path or body, or answers -1 when it is not one. */
	public static long parse(String id) {
		if (id.isEmpty() || id.length() > 19) {
			return -1;
		}
		for (int i = 0; i < id.length(); i++) {
			if (!Character.isDigit(id.charAt(i))) {
				return -1;
			}
		}
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
