package io.patchbay.integrations;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts Graph and SCIM calls per integration and UTC day. Counting is in memory (a
 * request adds no database write) and flushed every few seconds as increments, so several
 * nodes add up and counts survive restarts; the console lags by at most one flush.
 */
@Service
public class IntegrationUsage {

	private record Key(long integrationId, LocalDate day) {
	}

	/** The figures of an integration that never made a call. */
	public static final Usage NONE = new Usage(null, 0);

	private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	IntegrationUsage(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts one API call; cheap enough for every request. */
	public void record(long integrationId) {
		this.pending.computeIfAbsent(new Key(integrationId, today()), (key) -> new LongAdder()).increment();
	}

	public Usage usage(long integrationId) {
		return figures("WHERE integration_id = ?", integrationId).getOrDefault(integrationId, NONE);
	}

	/** Every integration's figures in one query, for lists; absent means never called. */
	public Map<Long, Usage> all() {
		return figures("");
	}

	private Map<Long, Usage> figures(String where, Object... params) {
		Map<Long, Usage> figures = new HashMap<>();
		List<Object> all = new ArrayList<>(List.of(Date.valueOf(today().minusDays(6))));
		all.addAll(List.of(params));
		this.jdbc.sql("""
				SELECT integration_id, MAX(usage_day) AS last_day,
				  SUM(CASE WHEN usage_day >= ? THEN request_count ELSE 0 END) AS last_week
				FROM integration_usage\s""" + where + " GROUP BY integration_id").params(all).query((ResultSet rs) -> {
			figures.put(rs.getLong("integration_id"),
					new Usage(rs.getDate("last_day").toLocalDate(), rs.getLong("last_week")));
		});
		return figures;
	}

	@Scheduled(fixedDelayString = "${patchbay.usage.flush-interval:5s}")
	@PreDestroy
	public void flush() {
		LocalDate today = today();
		this.pending.forEach((key, adder) -> {
			// sumThenReset takes each cell atomically: a concurrent call lands in this
			// flush or the next, never nowhere.
			long count = adder.sumThenReset();
			if (count > 0) {
				add(key, count);
			}
		});
		this.pending.keySet().removeIf((key) -> key.day().isBefore(today) && this.pending.get(key).sum() == 0);
	}

	private void add(Key key, long count) {
		Date day = Date.valueOf(key.day());
		try {
			if (increment(key.integrationId(), day, count) == 0) {
				try {
					this.jdbc.sql(
							"INSERT INTO integration_usage (integration_id, usage_day, request_count) VALUES (?, ?, ?)")
						.params(key.integrationId(), day, count)
						.update();
				}
				catch (DuplicateKeyException ex) {
					// Another node inserted the day's row first.
					increment(key.integrationId(), day, count);
				}
			}
		}
		catch (DataIntegrityViolationException ex) {
			// The integration was deleted since the call: nothing to count against.
		}
	}

	private int increment(long integrationId, Date day, long count) {
		return this.jdbc.sql(
				"UPDATE integration_usage SET request_count = request_count + ? WHERE integration_id = ? AND usage_day = ?")
			.params(count, integrationId, day)
			.update();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
