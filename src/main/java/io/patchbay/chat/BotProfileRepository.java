package io.patchbay.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code bot_profile} table: one row per bot, greetings and menu as JSON.
 */
@Repository
class BotProfileRepository {

	private static final TypeReference<List<BotProfile.Greeting>> GREETINGS = new TypeReference<>() {
	};

	private static final TypeReference<List<BotProfile.Menu>> MENUS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	BotProfileRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<BotProfile> find(long pageId) {
		return this.jdbc.sql("SELECT * FROM bot_profile WHERE page_id = ?")
			.param(pageId)
			.query((rs, row) -> new BotProfile(rs.getString("get_started"), list(rs.getString("greeting"), GREETINGS),
					list(rs.getString("persistent_menu"), MENUS)))
			.optional();
	}

	void save(long pageId, BotProfile profile, Instant now) {
		delete(pageId);
		this.jdbc
			.sql("INSERT INTO bot_profile (page_id, get_started, greeting, persistent_menu, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(pageId, profile.getStarted(), this.json.writeValueAsString(profile.greetings()),
					this.json.writeValueAsString(profile.persistentMenu()), Timestamp.from(now))
			.update();
	}

	void delete(long pageId) {
		this.jdbc.sql("DELETE FROM bot_profile WHERE page_id = ?").param(pageId).update();
	}

	private <T> List<T> list(@Nullable String text, TypeReference<List<T>> type) {
		return (text != null) ? this.json.readValue(text, type) : List.of();
	}

}
