package io.patchbay.connections;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The secret fields of a connection, as an administrator gives them: only those of the
 * connection's type, and never read back.
 */
public record Credentials(@Nullable String apiKey, @Nullable String username, @Nullable String password,
		@Nullable String token) {

	static final Credentials NONE = new Credentials(null, null, null, null);

	/** These fields, with those not given taken from {@code current}: a rotation. */
	Credentials over(Credentials current) {
		return new Credentials((this.apiKey != null) ? this.apiKey : current.apiKey,
				(this.username != null) ? this.username : current.username,
				(this.password != null) ? this.password : current.password,
				(this.token != null) ? this.token : current.token);
	}

	/** The fields given, by name: what is sealed, and what an audit entry names. */
	Map<String, String> given() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "apiKey", this.apiKey);
		put(fields, "username", this.username);
		put(fields, "password", this.password);
		put(fields, "token", this.token);
		return fields;
	}

	static Credentials of(Map<String, String> fields) {
		return new Credentials(fields.get("apiKey"), fields.get("username"), fields.get("password"),
				fields.get("token"));
	}

	private static void put(Map<String, String> fields, String name, @Nullable String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	boolean isEmpty() {
		return this.apiKey == null && this.username == null && this.password == null && this.token == null;
	}

	@Override
	public String toString() {
		// A record prints its fields: never let a log line or an error carry them.
		return "Credentials[*****]";
	}

}
