package io.patchbay.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates the decimal ids of every object, as the Graph API shows them: time-ordered
 * (so that newest-first paging follows ids), 15 to 18 digits, and unique across the nodes
 * of a cluster by construction: each id carries the node number this node leases from the
 * database ({@link NodeLease}), and within a node a millisecond holds 4,096 ids before
 * ids move on to the next one.
 */
public class Ids {

	/** 2024-01-01T00:00:00Z: keeps ids short for decades. */
	private static final long EPOCH = 1_704_067_200_000L;

	private static final long OFFSET = 100_000_000_000_000L;

	static final int NODE_BITS = 8;

	private static final int SEQUENCE_BITS = 12;

	private final Clock clock;

	private final NodeLease lease;

	private final AtomicLong last = new AtomicLong();

	Ids(Clock clock, NodeLease lease) {
		this.clock = clock;
		this.lease = lease;
	}

	public long next() {
		NodeLease.Claim claim = this.lease.current();
		long now = (Math.max(this.clock.millis(), claim.floorMillis()) - EPOCH) << SEQUENCE_BITS;
		long value = this.last.updateAndGet((previous) -> Math.max(previous + 1, now));
		return OFFSET + ((value << NODE_BITS) | claim.number());
	}

	/** When an id was made, to the millisecond (ids are time-ordered). */
	public static Instant timeOf(long id) {
		return Instant.ofEpochMilli(((id - OFFSET) >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH);
	}

	/**
	 * How far apart, in id values, two ids made a given time apart are: for looking back
	 * a little behind an id (a transaction that committed after a later one).
	 */
	public static long span(java.time.Duration duration) {
		return duration.toMillis() << (NODE_BITS + SEQUENCE_BITS);
	}

	/**
	 * This node's number, the one its ids carry now: what another node's ids do not
	 * ({@code id % 256}, as the number is the id's lowest byte).
	 */
	public int node() {
		return this.lease.current().number();
	}

	/** The node number within an id. */
	static int nodeOf(long id) {
		return (int) ((id - OFFSET) & ((1 << NODE_BITS) - 1));
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
