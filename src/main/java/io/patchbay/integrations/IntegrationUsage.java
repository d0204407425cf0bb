package io.patchbay.integrations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Service;

/**
 * Counts Graph and SCIM calls per integration and UTC day. Counting is in memory (a
 * request adds no database write) and flushed every few seconds
 * ({@code patchbay.integrations.usage-flush-interval}) as increments, so several nodes
 * add up and counts survive restarts; the console lags by at most one flush.
 */
@Service
public class IntegrationUsage {

	private record Key(long integrationId, LocalDate day) {
	}

	/** The figures of an integration that never made a call. */
	public static final Usage NONE = new Usage(null, 0);

	private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

	private final UsageRepository repository;

	private final Clock clock;

	IntegrationUsage(UsageRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** Counts one API call; cheap enough for every request. */
	public void record(long integrationId) {
		this.pending.computeIfAbsent(new Key(integrationId, today()), (key) -> new LongAdder()).increment();
	}

	public Usage usage(long integrationId) {
		return this.repository.figures(weekStart(), integrationId).getOrDefault(integrationId, NONE);
	}

	/** Every integration's figures in one query, for lists; absent means never called. */
	public Map<Long, Usage> all() {
		return this.repository.figures(weekStart(), null);
	}

	/**
	 * Adds the counts to the database; scheduled by the module's configuration, and run
	 * once more when the node stops.
	 */
	@PreDestroy
	public void flush() {
		LocalDate today = today();
		this.pending.forEach((key, adder) -> {
			// sumThenReset takes each cell atomically: a concurrent call lands in this
			// flush or the next, never nowhere.
			long count = adder.sumThenReset();
			if (count > 0) {
				this.repository.add(key.integrationId(), key.day(), count);
			}
		});
		this.pending.keySet().removeIf((key) -> key.day().isBefore(today) && this.pending.get(key).sum() == 0);
	}

	private LocalDate weekStart() {
		return today().minusDays(6);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
