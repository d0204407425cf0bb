package io.patchbay.integrations;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code integration_usage} table: API calls per integration and UTC day.
 */
@Repository
class UsageRepository {

	private final JdbcClient jdbc;

	UsageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of one integration, or of all with {@code integrationId} null, in one
	 * grouped query; absent means never called.
	 */
	Map<Long, Usage> figures(LocalDate weekStart, @Nullable Long integrationId) {
		Map<Long, Usage> figures = new HashMap<>();
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(weekStart)));
		if (integrationId != null) {
			params.add(integrationId);
		}
		this.jdbc
			.sql("""
					SELECT integration_id, MAX(usage_day) AS last_day,
					  SUM(CASE WHEN usage_day >= ? THEN request_count ELSE 0 END) AS last_week
					FROM integration_usage\s""" + ((integrationId != null) ? "WHERE integration_id = ? " : "")
					+ "GROUP BY integration_id")
			.params(params)
			.query((ResultSet rs) -> {
				figures.put(rs.getLong("integration_id"),
						new Usage(rs.getDate("last_day").toLocalDate(), rs.getLong("last_week")));
			});
		return figures;
	}

	/** The integrations called on or after the day. */
	Set<Long> calledSince(LocalDate day) {
		return new HashSet<>(this.jdbc.sql("SELECT DISTINCT integration_id FROM integration_usage WHERE usage_day >= ?")
			.param(Date.valueOf(day))
			.query(Long.class)
			.list());
	}

	/**
	 * Adds calls to a day's count; several nodes add up. Calls of an integration deleted
	 * since are dropped.
	 */
	void add(long integrationId, LocalDate day, long count) {
		Date date = Date.valueOf(day);
		try {
			if (increment(integrationId, date, count) == 0) {
				try {
					this.jdbc.sql(
							"INSERT INTO integration_usage (integration_id, usage_day, request_count) VALUES (?, ?, ?)")
						.params(integrationId, date, count)
						.update();
				}
				catch (DuplicateKeyException ex) {
					// Another node inserted the day's row first.
					increment(integrationId, date, count);
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

}
