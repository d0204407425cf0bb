package io.patchbay.integrations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.patchbay.integrations.GroupAccess;
import io.patchbay.integrations.IntegrationKind;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.Authentication;

/**
 * The admin API's request bodies, and the reading of their loosely typed fields into the
 * registry's types with errors that name the field.
 */
final class IntegrationRequests {

	private IntegrationRequests() {
	}

	record Create(@Nullable String name, @Nullable String description, @Nullable String kind) {
	}

	record Edit(@Nullable String name, @Nullable String description, @Nullable Boolean enabled,
			@Nullable Boolean visible) {
	}

	record Permissions(@Nullable List<String> permissions, @Nullable JsonNode groupAccess) {
	}

	record Security(@Nullable List<String> allowedIps, @Nullable Boolean requireAppSecretProof,
			@Nullable Boolean requireAppSecretTime) {
	}

	static String required(@Nullable String value, String field) {
		if (value == null) {
			throw new InvalidInputException(field, field + " is required");
		}
		return value;
	}

	static IntegrationKind kind(@Nullable String kind) {
		if (kind == null) {
			return IntegrationKind.CUSTOM;
		}
		try {
			return IntegrationKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "kind must be CUSTOM or BOT");
		}
	}

	/**
	 * The group access of a permissions request; {@code null} when absent or null, which
	 * leaves the integration's group access unchanged.
	 */
	static @Nullable GroupAccess groupAccess(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isString() && "ALL".equals(node.asString())) {
			return GroupAccess.ALL;
		}
		if (!node.isArray()) {
			throw new InvalidInputException("groupAccess", "groupAccess must be \"ALL\" or a list of group ids");
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode element : node) {
			long id = (element.isString() || element.isIntegralNumber()) ? Ids.parse(element.asString()) : -1;
			if (id <= 0) {
				throw new InvalidInputException("groupAccess", "'" + element + "' is not a group id");
			}
			ids.add(id);
		}
		return GroupAccess.only(ids.stream().distinct().sorted().toList());
	}

	static GroupAccess groupAccess(String mode, String groupIds) {
		if (!"LIST".equals(mode)) {
			return GroupAccess.ALL;
		}
		List<Long> ids = new ArrayList<>();
		for (String entry : groupIds.split("[,\\s]+")) {
			if (entry.isBlank()) {
				continue;
			}
			long id = Ids.parse(entry.strip());
			if (id <= 0) {
				throw new InvalidInputException("groupAccess", "'" + entry + "' is not a group id");
			}
			ids.add(id);
		}
		return GroupAccess.only(ids.stream().distinct().sorted().toList());
	}

	/**
	 * Whether the signed-in administrator holds {@code manage_accounts}, which granting
	 * an integration powers over accounts needs.
	 */
	static boolean managesAccounts(Authentication grantor) {
		return grantor.getAuthorities()
			.stream()
			.anyMatch((authority) -> "manage_accounts".equals(authority.getAuthority()));
	}

}
