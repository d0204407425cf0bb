package io.patchbay;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every value of every table of the test's schema, as text: for tests that look for a
 * secret stored in clear.
 */
public final class DatabaseDump {

	private DatabaseDump() {
	}

	public static List<String> tables(JdbcClient jdbc) {
		return jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) "
					+ "AND table_type IN ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list();
	}

	public static String everything(JdbcClient jdbc) {
		List<String> values = new ArrayList<>();
		for (String table : tables(jdbc)) {
			jdbc.sql("SELECT * FROM " + table).query((rs) -> {
				for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
					values.add(String.valueOf(rs.getObject(column)));
				}
			});
		}
		return String.join("\n", values);
	}

}
