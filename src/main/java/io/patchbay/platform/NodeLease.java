package io.patchbay.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This node's number among the nodes that share the database, which {@link Ids} puts into
 * every id so that two nodes never produce the same one. The number is leased in the
 * {@code id_node} table and the lease renewed well before it ends; times are the
 * database's, so the nodes' clocks need not agree. A node that could not renew stops
 * handing out its number before the lease ends (ids fail rather than repeat), and a node
 * that takes over an expired number starts its ids after the old lease's end plus a
 * margin for clock drift, above anything the old holder issued.
 */
public class NodeLease {

	static final int NUMBERS = 1 << Ids.NODE_BITS;

	/** How far a node's clock may run ahead of the database's without risk. */
	static final Duration DRIFT = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

	/**
	 * @param floorMillis ids of this claim use times from here on
	 * @param validUntilNanos {@link System#nanoTime()} after which the claim may have
	 * passed to another node
	 */
	record Claim(int number, long floorMillis, long validUntilNanos) {
	}

	private final String owner = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final Duration lease;

	private volatile Claim claim;

	NodeLease(JdbcClient jdbc, Duration lease) {
		this.jdbc = jdbc;
		this.lease = lease;
		this.claim = claim();
		log.info("This node issues ids with node number {}", this.claim.number());
	}

	/** A node number held for good, for tests and tools that run without a database. */
	static NodeLease fixed(int number) {
		return new NodeLease(number);
	}

	private NodeLease(int number) {
		this.jdbc = null;
		this.lease = Duration.ofDays(365_000);
		this.claim = new Claim(number, 0, Long.MAX_VALUE);
	}

	/** The claim to issue ids under now; fails once the lease may have passed on. */
	Claim current() {
		Claim current = this.claim;
		if (System.nanoTime() - current.validUntilNanos() > 0) {
			throw new IllegalStateException("This node's id lease could not be renewed (is the database reachable?)");
		}
		return current;
	}

	/** Extends the lease, or claims a new number when the old one was lost. */
	void renew() {
		if (this.jdbc == null) {
			return;
		}
		long started = System.nanoTime();
		Instant now = databaseTime();
		int renewed = this.jdbc.sql("UPDATE id_node SET lease_until = ? WHERE node_number = ? AND owner = ?")
			.params(Timestamp.from(now.plus(this.lease)), this.claim.number(), this.owner)
			.update();
		if (renewed == 1) {
			this.claim = new Claim(this.claim.number(), this.claim.floorMillis(), validUntil(started));
		}
		else {
			log.warn("This node lost its id node number {}; claiming another", this.claim.number());
			this.claim = claim();
		}
	}

	Duration renewalInterval() {
		return this.lease.dividedBy(4);
	}

	private Claim claim() {
		int start = ThreadLocalRandom.current().nextInt(NUMBERS);
		for (int i = 0; i < NUMBERS; i++) {
			int number = (start + i) % NUMBERS;
			Optional<Claim> claimed = tryClaim(number);
			if (claimed.isPresent()) {
				return claimed.get();
			}
		}
		throw new StartupRefusedException("All " + NUMBERS
				+ " id node numbers are leased by running nodes: no more nodes can join this database");
	}

	private Optional<Claim> tryClaim(int number) {
		long started = System.nanoTime();
		Instant now = databaseTime();
		Timestamp until = Timestamp.from(now.plus(this.lease));
		Optional<Instant> previous = this.jdbc.sql("SELECT lease_until FROM id_node WHERE node_number = ?")
			.param(number)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		if (previous.isEmpty()) {
			try {
				this.jdbc.sql("INSERT INTO id_node (node_number, owner, lease_until) VALUES (?, ?, ?)")
					.params(number, this.owner, until)
					.update();
				return Optional.of(new Claim(number, 0, validUntil(started)));
			}
			catch (DuplicateKeyException ex) {
				return Optional.empty();
			}
		}
		if (!previous.get().isBefore(now)) {
			return Optional.empty();
		}
		int taken = this.jdbc
			.sql("UPDATE id_node SET owner = ?, lease_until = ? WHERE node_number = ? AND lease_until = ?")
			.params(this.owner, until, number, Timestamp.from(previous.get()))
			.update();
		return (taken == 1)
				? Optional.of(new Claim(number, previous.get().plus(DRIFT).toEpochMilli(), validUntil(started)))
				: Optional.empty();
	}

	/** A little before the lease ends, counted from before the database was asked. */
	private long validUntil(long startedNanos) {
		return startedNanos + this.lease.toNanos() * 9 / 10;
	}

	private Instant databaseTime() {
		return this.jdbc.sql("SELECT CURRENT_TIMESTAMP").query(Timestamp.class).single().toInstant();
	}

}
