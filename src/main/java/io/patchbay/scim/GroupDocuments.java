package io.patchbay.scim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Group;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A community group as a SCIM Group ({@code displayName} and {@code members}) and back.
 * The members are rendered only when asked for: listing a large group is the one costly
 * part, and identity providers leave it out of their searches.
 */
@Component
class GroupDocuments {

	static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	private final Members members;

	private final UserDocuments users;

	GroupDocuments(Members members, UserDocuments users) {
		this.members = members;
		this.users = users;
	}

	/**
	 * The group's document; with {@code memberIds}, its members too (one read for their
	 * names).
	 */
	ObjectNode render(Group group, @Nullable List<Long> memberIds) {
		ObjectNode document = JsonUtils.getJsonNodeFactory().objectNode();
		document.putArray("schemas").add(GROUP);
		document.put("id", String.valueOf(group.id()));
		document.put("displayName", group.name());
		if (memberIds != null) {
			Map<Long, MemberProfile> found = this.members.findAll(memberIds)
				.stream()
				.collect(Collectors.toMap(MemberProfile::id, Function.identity()));
			ArrayNode list = document.putArray("members");
			for (long id : memberIds) {
				ObjectNode member = list.addObject();
				member.put("value", String.valueOf(id));
				member.put("type", "User");
				member.put("$ref", this.users.location(String.valueOf(id)));
				if (found.containsKey(id)) {
					member.put("display", found.get(id).name());
				}
			}
		}
		ObjectNode meta = document.putObject("meta");
		meta.put("resourceType", "Group");
		meta.put("created", group.createdAt().toString());
		meta.put("lastModified", group.updatedAt().toString());
		meta.put("location", location(group.id()));
		if (memberIds != null) {
			// Only a full document has a version: one without its members cannot say
			// whether they changed.
			meta.put("version", ScimJson.version(document));
		}
		return document;
	}

	String location(long id) {
		String base = this.users.base().toString();
		return base + "/Groups/" + id;
	}

	/** What a Group document says: its name and the ids of its members. */
	GroupWrite read(ObjectNode document) throws ScimException {
		JsonNode schemas = document.get("schemas");
		if (schemas == null || !schemas.isArray() || schemas.size() != 1
				|| !schemas.get(0).asText().equalsIgnoreCase(GROUP)) {
			throw BadRequestException.invalidSyntax("schemas must be [\"" + GROUP + "\"]");
		}
		JsonNode name = field(document, "displayName");
		if (name == null || !name.isTextual() || name.asText().isBlank()) {
			throw BadRequestException.invalidValue("displayName is required (a string)");
		}
		Set<Long> ids = new LinkedHashSet<>();
		JsonNode list = field(document, "members");
		if (list != null && !list.isNull()) {
			if (!list.isArray()) {
				throw BadRequestException.invalidValue("members must be an array");
			}
			for (JsonNode member : list) {
				JsonNode value = member.isObject() ? field(member, "value") : null;
				if (value == null || !value.isTextual()) {
					throw BadRequestException.invalidValue("Each member needs a value: the id of a User");
				}
				long id = Ids.parse(value.asText());
				if (id <= 0) {
					throw BadRequestException.invalidValue("No User has the id " + value.asText());
				}
				ids.add(id);
			}
		}
		return new GroupWrite(name.asText().strip(), new ArrayList<>(ids));
	}

	record GroupWrite(String displayName, List<Long> memberIds) {
	}

	private static @Nullable JsonNode field(JsonNode node, String name) {
		for (var fields = node.fields(); fields.hasNext();) {
			var field = fields.next();
			if (field.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return field.getValue();
			}
		}
		return null;
	}

}
