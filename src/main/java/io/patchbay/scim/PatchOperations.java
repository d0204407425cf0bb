package io.patchbay.scim;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;

/**
 * Applies a SCIM PATCH request to a resource's document with the SCIM SDK, once the
 * request is put in the standard form. Identity providers send variants: Entra ID
 * capitalises operations ({@code "Replace"}) and puts attribute paths as keys of a
 * path-less value ({@code {"name.givenName": "Ann"}} or
 * {@code {"urn:…:enterprise:2.0:User:department": "R&D"}}); such keys become operations
 * of their own with that path, which the SDK then resolves like any other.
 */
final class PatchOperations {

	static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	static final int MAX_OPERATIONS = 1000;

	private PatchOperations() {
	}

	/** The patched copy of the document; the document itself is left as it was. */
	static ObjectNode apply(ObjectNode document, ObjectNode request) throws ScimException {
		PatchRequest patch = ScimJson.read(normalized(request), PatchRequest.class);
		GenericScimResource resource = new GenericScimResource(document.deepCopy());
		patch.apply(resource);
		return resource.getObjectNode();
	}

	static ObjectNode normalized(ObjectNode request) throws ScimException {
		JsonNode schemas = request.get("schemas");
		if (schemas == null || !schemas.isArray() || !contains((ArrayNode) schemas, PATCH_OP)) {
			throw BadRequestException.invalidSyntax("schemas must list " + PATCH_OP);
		}
		JsonNode operations = request.get("Operations");
		if (operations == null) {
			operations = request.get("operations");
		}
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw BadRequestException.invalidSyntax("Operations must be a non-empty array");
		}
		if (operations.size() > MAX_OPERATIONS) {
			throw new ScimException(413, null, "At most " + MAX_OPERATIONS + " operations per request");
		}
		ArrayNode normalized = JsonUtils.getJsonNodeFactory().arrayNode();
		for (JsonNode operation : operations) {
			if (!operation.isObject() || !operation.path("op").isTextual()) {
				throw BadRequestException.invalidSyntax("Each operation needs an op");
			}
			ObjectNode copy = ((ObjectNode) operation).deepCopy();
			String op = copy.get("op").asText().toLowerCase(Locale.ROOT);
			if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
				throw BadRequestException.invalidSyntax("Unknown op '" + copy.get("op").asText() + "'");
			}
			copy.put("op", op);
			if (copy.path("path").isTextual() && copy.get("path").asText().isBlank()) {
				copy.remove("path");
			}
			if (!copy.has("path") && copy.get("value") instanceof ObjectNode value && !op.equals("remove")) {
				splitPathKeys(op, value, normalized);
				if (!value.isEmpty()) {
					normalized.add(copy);
				}
				continue;
			}
			normalized.add(copy);
		}
		ObjectNode result = JsonUtils.getJsonNodeFactory().objectNode();
		result.putArray("schemas").add(PATCH_OP);
		result.set("Operations", normalized);
		return result;
	}

	/**
	 * Moves the keys of a path-less value that are paths into operations of their own.
	 */
	private static void splitPathKeys(String op, ObjectNode value, ArrayNode into) {
		for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			String key = field.getKey();
			boolean extension = key.toLowerCase(Locale.ROOT).startsWith("urn:");
			boolean extensionObject = extension && field.getValue().isObject();
			if ((key.contains(".") || key.contains("[") || extension) && !extensionObject) {
				ObjectNode single = into.addObject();
				single.put("op", op);
				single.put("path", key);
				single.set("value", field.getValue());
				fields.remove();
			}
		}
	}

	private static boolean contains(ArrayNode values, String wanted) {
		for (JsonNode value : values) {
			if (value.isTextual() && value.asText().equalsIgnoreCase(wanted)) {
				return true;
			}
		}
		return false;
	}

}
