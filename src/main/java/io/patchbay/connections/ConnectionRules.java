package io.patchbay.connections;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@code connections.md}: names, API key header names, which secret fields
 * each type takes, and who may manage or use connections. Secret values go into HTTP
 * headers, so they may hold no control characters (a line break would start a header of
 * the caller's choosing).
 */
final class ConnectionRules {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{3,64}");

	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z_-]{1,128}");

	private static final Set<String> REFUSED_HEADERS = Set.of("accept", "accept-charset", "accept-encoding",
			"accept-language", "cache-control", "connection", "content-md5", "cookie", "date", "expect", "from", "host",
			"if-match", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "max-forwards",
			"pragma", "proxy-authenticate", "proxy-authorization", "range", "server", "referer", "te", "trailer",
			"transfer-encoding", "upgrade", "user-agent", "via", "warning", "www-authenticate");

	private static final List<String> REFUSED_PREFIXES = List.of("x-amz-", "x-amzn-", "x-forwarded-", "x-patchbay-");

	private static final int MAX_SECRET = 4096;

	private ConnectionRules() {
	}

	static String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "name is required");
		}
		if (!NAME.matcher(name).matches()) {
			throw new InvalidInputException("name",
					"name must be 3 to 64 characters: letters, digits, underscores and hyphens");
		}
		return name;
	}

	static ConnectionType type(@Nullable String type) {
		if (type == null || type.isBlank()) {
			throw new InvalidInputException("type", "type is required: API_KEY, BASIC, BEARER or OAUTH2");
		}
		return ConnectionType.of(type)
			.orElseThrow(() -> new InvalidInputException("type",
					"Unknown type '" + type + "': API_KEY, BASIC, BEARER or OAUTH2"));
	}

	/** The header of an {@code API_KEY} connection; none for the other types. */
	static @Nullable String headerName(ConnectionType type, @Nullable String headerName) {
		if (type != ConnectionType.API_KEY) {
			if (headerName != null) {
				throw new InvalidInputException("headerName", "headerName applies to API_KEY connections only");
			}
			return null;
		}
		if (headerName == null || headerName.isBlank()) {
			throw new InvalidInputException("headerName", "headerName is required for an API_KEY connection");
		}
		if (!HEADER_NAME.matcher(headerName).matches()) {
			throw new InvalidInputException("headerName",
					"headerName must be at most 128 characters: letters, hyphens and underscores");
		}
		String lower = headerName.toLowerCase(Locale.ROOT);
		if (REFUSED_HEADERS.contains(lower)) {
			throw new InvalidInputException("headerName", "The header " + headerName + " cannot carry an API key");
		}
		for (String prefix : REFUSED_PREFIXES) {
			if (lower.startsWith(prefix)) {
				throw new InvalidInputException("headerName",
						"Headers starting with " + prefix + " cannot carry an API key");
			}
		}
		return headerName;
	}

	/**
	 * The complete credentials of a new connection, or of a rotation merged over the
	 * current ones: exactly the fields of its type, each well formed.
	 */
	static Credentials credentials(ConnectionType type, Credentials given) {
		refuseOthers(type, given);
		switch (type) {
			case API_KEY -> secret("apiKey", given.apiKey());
			case BASIC -> {
				String username = secret("username", given.username());
				if (username.contains(":")) {
					throw new InvalidInputException("username", "username cannot contain ':' (RFC 7617)");
				}
				secret("password", given.password());
			}
			case BEARER -> secret("token", given.token());
			case OAUTH2 -> {
			}
		}
		return given;
	}

	/** Only the fields of the type: a stray one is a mistake, never silently stored. */
	static void refuseOthers(ConnectionType type, Credentials given) {
		refuse(type, "apiKey", given.apiKey(), ConnectionType.API_KEY);
		refuse(type, "username", given.username(), ConnectionType.BASIC);
		refuse(type, "password", given.password(), ConnectionType.BASIC);
		refuse(type, "token", given.token(), ConnectionType.BEARER);
	}

	static void mayManage(Actor actor) {
		if (!(actor instanceof Actor.Administrator administrator)
				|| !administrator.holds(AdminPermission.MANAGE_CONNECTIONS)) {
			throw new AccessRefusedException("Managing connections needs the manage_connections permission");
		}
	}

	/**
	 * Administrators holding manage_connections (the console's "Try a call") and
	 * workflows.
	 */
	static void mayCall(Actor actor) {
		if (!(actor instanceof Actor.Workflow)) {
			mayManage(actor);
		}
	}

	private static void refuse(ConnectionType type, String field, @Nullable String value, ConnectionType owner) {
		if (value != null && type != owner) {
			throw new InvalidInputException(field, field + " does not apply to a " + type + " connection");
		}
	}

	private static String secret(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, field + " is required");
		}
		if (value.length() > MAX_SECRET) {
			throw new InvalidInputException(field, field + " must be at most 4096 characters");
		}
		if (value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException(field, field + " cannot contain line breaks or other control characters");
		}
		return value;
	}

}
