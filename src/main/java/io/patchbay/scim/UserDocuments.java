package io.patchbay.scim;

import java.net.URI;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.patchbay.accounts.MemberDetails;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.platform.PatchbayProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A member as a SCIM User (core schema and the enterprise extension) and back. The
 * {@code userName} is the email, or the external id of an account without one; the one
 * email, phone number and address are the {@code work} (and primary) values. A
 * {@code password} is never taken: members sign in through single sign-on or their own
 * invitation.
 */
@Component
class UserDocuments {

	static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	private static final Set<String> KNOWN_SCHEMAS = Set.of(USER.toLowerCase(Locale.ROOT),
			ENTERPRISE.toLowerCase(Locale.ROOT));

	private final String base;

	UserDocuments(PatchbayProperties properties) {
		this.base = properties.url(ScimConfiguration.BASE);
	}

	ObjectNode render(MemberProfile member) {
		JsonNodeFactory nodes = JsonUtils.getJsonNodeFactory();
		ObjectNode user = nodes.objectNode();
		user.putArray("schemas").add(USER).add(ENTERPRISE);
		user.put("id", String.valueOf(member.id()));
		if (member.externalId() != null) {
			user.put("externalId", member.externalId());
		}
		user.put("userName", (member.email() != null) ? member.email() : member.externalId());
		ObjectNode name = user.putObject("name");
		name.put("formatted", member.name());
		putIfSet(name, "givenName", member.firstName());
		putIfSet(name, "familyName", member.lastName());
		user.put("displayName", member.name());
		putIfSet(user, "title", member.title());
		putIfSet(user, "locale", member.locale());
		putIfSet(user, "preferredLanguage", member.locale());
		user.put("active", member.active());
		if (member.email() != null) {
			user.putArray("emails").addObject().put("value", member.email()).put("type", "work").put("primary", true);
		}
		if (member.primaryPhone() != null) {
			user.putArray("phoneNumbers")
				.addObject()
				.put("value", member.primaryPhone())
				.put("type", "work")
				.put("primary", true);
		}
		if (member.primaryAddress() != null) {
			user.putArray("addresses")
				.addObject()
				.put("formatted", member.primaryAddress())
				.put("type", "work")
				.put("primary", true);
		}
		ObjectNode enterprise = user.putObject(ENTERPRISE);
		putIfSet(enterprise, "employeeNumber", member.employeeNumber());
		putIfSet(enterprise, "department", member.department());
		putIfSet(enterprise, "division", member.division());
		putIfSet(enterprise, "organization", member.organization());
		if (member.managerId() != null) {
			String managerId = String.valueOf(member.managerId());
			enterprise.putObject("manager").put("value", managerId).put("$ref", location(managerId));
		}
		ObjectNode meta = user.putObject("meta");
		meta.put("resourceType", "User");
		meta.put("created", member.createdAt().toString());
		meta.put("lastModified", member.updatedAt().toString());
		meta.put("location", location(String.valueOf(member.id())));
		meta.put("version", ScimJson.version(user));
		return user;
	}

	String location(String id) {
		return this.base + "/Users/" + id;
	}

	URI base() {
		return URI.create(this.base);
	}

	/**
	 * What a User document says, as a full replacement of the member's profile (absent
	 * attributes clear their field) and the active flag. Type mismatches are 400
	 * {@code invalidValue}, unknown schemas 400 {@code invalidSyntax}.
	 */
	UserWrite read(ObjectNode user) throws ScimException {
		checkSchemas(user);
		String userName = text(user, "userName");
		if (userName == null) {
			throw BadRequestException.invalidValue("userName is required");
		}
		String externalId = text(user, "externalId");
		String email;
		if (userName.contains("@")) {
			email = userName;
		}
		else if (externalId == null || externalId.equals(userName)) {
			email = null;
			externalId = userName;
		}
		else {
			throw BadRequestException
				.invalidValue("userName must be an email address, or the externalId of an account without one");
		}
		JsonNode name = object(user, "name");
		String first = text(name, "givenName");
		String last = text(name, "familyName");
		String display = firstNonNull(text(user, "displayName"), text(name, "formatted"), joined(first, last),
				userName);
		JsonNode enterprise = object(user, ENTERPRISE);
		// Entra ID sends the manager as the id itself, others as {"value": id}.
		JsonNode managerNode = field(enterprise, "manager");
		String managerValue = (managerNode != null && managerNode.isTextual()) ? text(enterprise, "manager")
				: text(object(enterprise, "manager"), "value");
		Long managerId = 0L;
		if (managerValue != null) {
			try {
				managerId = Long.parseLong(managerValue);
			}
			catch (NumberFormatException ex) {
				throw BadRequestException.invalidValue("manager.value must be the id of a User");
			}
		}
		String locale = firstNonNull(text(user, "locale"), text(user, "preferredLanguage"));
		MemberDetails details = new MemberDetails(orEmpty(email), display, orEmpty(first), orEmpty(last),
				orEmpty(text(user, "title")), orEmpty(text(enterprise, "department")),
				orEmpty(text(enterprise, "division")), orEmpty(text(enterprise, "organization")),
				orEmpty(work(user, "phoneNumbers", "value")), orEmpty(work(user, "addresses", "formatted")),
				(locale != null) ? locale.replace('-', '_') : "", managerId, orEmpty(externalId),
				orEmpty(text(enterprise, "employeeNumber")));
		return new UserWrite(details, active(user));
	}

	/** A user's profile and, when the document says, its active flag. */
	record UserWrite(MemberDetails details, @Nullable Boolean active) {
	}

	private static void checkSchemas(ObjectNode user) throws ScimException {
		JsonNode schemas = user.get("schemas");
		if (schemas == null || !schemas.isArray() || schemas.isEmpty()) {
			throw BadRequestException.invalidSyntax("schemas must list " + USER);
		}
		boolean core = false;
		for (JsonNode schema : schemas) {
			String urn = schema.isTextual() ? schema.asText().toLowerCase(Locale.ROOT) : "";
			if (!KNOWN_SCHEMAS.contains(urn)) {
				throw BadRequestException.invalidSyntax("Unknown schema " + schema);
			}
			core |= urn.equals(USER.toLowerCase(Locale.ROOT));
		}
		if (!core) {
			throw BadRequestException.invalidSyntax("schemas must list " + USER);
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = user.fields(); fields.hasNext();) {
			String key = fields.next().getKey();
			if (key.toLowerCase(Locale.ROOT).startsWith("urn:")
					&& !KNOWN_SCHEMAS.contains(key.toLowerCase(Locale.ROOT))) {
				throw BadRequestException.invalidSyntax("Unknown schema extension " + key);
			}
		}
	}

	/** {@code active}: a boolean, or the strings "True"/"False" some providers send. */
	private static @Nullable Boolean active(ObjectNode user) throws ScimException {
		JsonNode active = field(user, "active");
		if (active == null || active.isNull()) {
			return null;
		}
		if (active.isBoolean()) {
			return active.asBoolean();
		}
		if (active.isTextual() && Set.of("true", "false").contains(active.asText().toLowerCase(Locale.ROOT))) {
			return Boolean.parseBoolean(active.asText().toLowerCase(Locale.ROOT));
		}
		throw BadRequestException.invalidValue("active must be a boolean");
	}

	/**
	 * The work value of a multi-valued attribute, else the primary one, else the first.
	 */
	private static @Nullable String work(ObjectNode user, String attribute, String subAttribute) throws ScimException {
		JsonNode values = field(user, attribute);
		if (values == null || values.isNull()) {
			return null;
		}
		if (!values.isArray()) {
			throw BadRequestException.invalidValue(attribute + " must be an array");
		}
		JsonNode chosen = null;
		for (JsonNode value : values) {
			if (!value.isObject()) {
				throw BadRequestException.invalidValue(attribute + " must hold objects");
			}
			if (chosen == null || "work".equalsIgnoreCase(value.path("type").asText())
					|| value.path("primary").asBoolean(false)) {
				chosen = value;
			}
		}
		return (chosen == null) ? null : text(chosen, subAttribute);
	}

	/** A string attribute (names compared case-insensitively, as SCIM's are). */
	private static @Nullable String text(@Nullable JsonNode node, String attribute) throws ScimException {
		JsonNode value = field(node, attribute);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw BadRequestException.invalidValue(attribute + " must be a string");
		}
		String text = value.asText().strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable JsonNode object(@Nullable JsonNode node, String attribute) throws ScimException {
		JsonNode value = field(node, attribute);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			throw BadRequestException.invalidValue(attribute + " must be an object");
		}
		return value;
	}

	private static @Nullable JsonNode field(@Nullable JsonNode node, String attribute) {
		if (node == null) {
			return null;
		}
		for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (field.getKey().equalsIgnoreCase(attribute)) {
				return field.getValue();
			}
		}
		return null;
	}

	private static void putIfSet(ObjectNode node, String name, @Nullable String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

	private static @Nullable String joined(@Nullable String first, @Nullable String last) {
		String joined = ((first != null) ? first : "") + " " + ((last != null) ? last : "");
		return joined.isBlank() ? null : joined.strip();
	}

	@SafeVarargs
	private static <T> @Nullable T firstNonNull(@Nullable T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
