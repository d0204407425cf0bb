package io.patchbay.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;
import org.jspecify.annotations.Nullable;

/**
 * {@code attributes} and {@code excludedAttributes} (RFC 7644 section 3.4.2.5): the
 * attributes to return, or to leave out; {@code schemas} and {@code id} are always
 * returned.
 */
final class Projection {

	private final List<Path> included;

	private final List<Path> excluded;

	private Projection(List<Path> included, List<Path> excluded) {
		this.included = included;
		this.excluded = excluded;
	}

	static Projection of(@Nullable String attributes, @Nullable String excludedAttributes) throws ScimException {
		return new Projection(paths(attributes), paths(excludedAttributes));
	}

	/** Whether the answer will hold the attribute (top level, case-insensitive). */
	boolean returns(String attribute) {
		if (!this.included.isEmpty()) {
			return this.included.stream().anyMatch((path) -> top(path).equalsIgnoreCase(attribute));
		}
		return this.excluded.stream().noneMatch((path) -> top(path).equalsIgnoreCase(attribute) && path.size() == 1);
	}

	ObjectNode apply(ObjectNode resource) throws ScimException {
		if (!this.included.isEmpty()) {
			ObjectNode projected = JsonUtils.getJsonNodeFactory().objectNode();
			projected.set("schemas", resource.get("schemas"));
			projected.set("id", resource.get("id"));
			for (Path path : this.included) {
				copy(resource, projected, path);
			}
			return projected;
		}
		ObjectNode projected = resource.deepCopy();
		for (Path path : this.excluded) {
			String top = top(path).toLowerCase(Locale.ROOT);
			if (!top.equals("id") && !top.equals("schemas")) {
				JsonUtils.removeValues(path, projected);
			}
		}
		return projected;
	}

	/** Copies the path's value, keeping its place in the document (and its schema's). */
	private static void copy(ObjectNode from, ObjectNode to, Path path) throws ScimException {
		ObjectNode source = from;
		ObjectNode target = to;
		if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(UserDocuments.USER)
				&& !path.getSchemaUrn().equalsIgnoreCase(GroupDocuments.GROUP)) {
			JsonNode extension = field(from, path.getSchemaUrn());
			if (!(extension instanceof ObjectNode object)) {
				return;
			}
			source = object;
			target = (to.get(path.getSchemaUrn()) instanceof ObjectNode existing) ? existing
					: to.putObject(path.getSchemaUrn());
		}
		if (path.size() == 0) {
			to.set(path.getSchemaUrn(), source);
			return;
		}
		String attribute = path.getElement(0).getAttribute();
		JsonNode value = field(source, attribute);
		if (value == null) {
			return;
		}
		if (path.size() == 1 || !(value instanceof ObjectNode complex)) {
			target.set(attribute, value);
			return;
		}
		String sub = path.getElement(1).getAttribute();
		JsonNode subValue = field(complex, sub);
		if (subValue != null) {
			ObjectNode parent = (target.get(attribute) instanceof ObjectNode existing) ? existing
					: target.putObject(attribute);
			parent.set(sub, subValue);
		}
	}

	private static @Nullable JsonNode field(ObjectNode node, String name) {
		for (var fields = node.fields(); fields.hasNext();) {
			var field = fields.next();
			if (field.getKey().equalsIgnoreCase(name)) {
				return field.getValue();
			}
		}
		return null;
	}

	private static String top(Path path) {
		return (path.size() == 0) ? String.valueOf(path.getSchemaUrn()) : path.getElement(0).getAttribute();
	}

	private static List<Path> paths(@Nullable String list) throws ScimException {
		List<Path> paths = new ArrayList<>();
		if (list == null || list.isBlank()) {
			return paths;
		}
		for (String name : list.split(",")) {
			if (!name.isBlank()) {
				try {
					paths.add(Path.fromString(name.strip()));
				}
				catch (BadRequestException ex) {
					throw BadRequestException.invalidValue("Invalid attribute name '" + name.strip() + "'");
				}
			}
		}
		return paths;
	}

}
