package io.patchbay.scim;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * SCIM's JSON, read and written with the SCIM SDK's own Jackson mapper (its types are
 * Jackson 2 types, the rest of the application's are Jackson 3): request bodies of at
 * most 1 MiB, answers as {@code application/scim+json}, and the weak ETag of a resource.
 */
final class ScimJson {

	static final MediaType SCIM = MediaType.parseMediaType("application/scim+json;charset=UTF-8");

	static final int MAX_BODY = 1024 * 1024;

	private ScimJson() {
	}

	/** The request's JSON object; 400 {@code invalidSyntax} when it is not one. */
	static ObjectNode read(HttpServletRequest request) throws ScimException {
		String type = request.getContentType();
		if (type != null && !type.toLowerCase(Locale.ROOT).contains("json")) {
			throw BadRequestException.invalidSyntax("The body must be JSON (application/scim+json)");
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			throw tooLarge();
		}
		byte[] body;
		try (InputStream input = request.getInputStream()) {
			body = input.readNBytes(MAX_BODY + 1);
		}
		catch (IOException ex) {
			throw BadRequestException.invalidSyntax("The request body could not be read");
		}
		if (body.length > MAX_BODY) {
			throw tooLarge();
		}
		JsonNode node;
		try {
			node = JsonUtils.getObjectReader().readTree(body);
		}
		catch (IOException ex) {
			throw BadRequestException.invalidSyntax("The body is not valid JSON");
		}
		if (!(node instanceof ObjectNode object)) {
			throw BadRequestException.invalidSyntax("The body must be a JSON object");
		}
		return object;
	}

	/** Reads a request body as an SDK message type, such as a PATCH request. */
	static <T> T read(ObjectNode body, Class<T> type) throws ScimException {
		try {
			return JsonUtils.getObjectReader().treeToValue(body, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw BadRequestException
				.invalidSyntax("The body is not a valid " + type.getSimpleName() + ": " + firstLine(ex.getMessage()));
		}
	}

	static ResponseEntity<byte[]> answer(HttpStatus status, Object body) {
		return ResponseEntity.status(status).contentType(SCIM).body(bytes(body));
	}

	/**
	 * A resource as the request's {@code attributes} and {@code excludedAttributes} ask
	 * for it, with its location and version as headers too.
	 */
	static ResponseEntity<byte[]> resource(HttpStatus status, ObjectNode resource, HttpServletRequest request)
			throws ScimException {
		ObjectNode projected = Projection
			.of(request.getParameter("attributes"), request.getParameter("excludedAttributes"))
			.apply(resource);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(SCIM);
		JsonNode meta = resource.path("meta");
		if (meta.hasNonNull("version")) {
			response.eTag(meta.get("version").asText());
		}
		if (status == HttpStatus.CREATED && meta.hasNonNull("location")) {
			response.location(URI.create(meta.get("location").asText()));
		}
		return response.body(bytes(projected));
	}

	/** One page of a list, each resource projected. */
	static ResponseEntity<byte[]> list(long total, List<ObjectNode> page, Paging paging, Projection projection)
			throws ScimException {
		List<ObjectNode> resources = new ArrayList<>();
		for (ObjectNode document : page) {
			resources.add(projection.apply(document));
		}
		return answer(HttpStatus.OK, new ListResponse<>((int) total, resources, paging.startIndex(), resources.size()));
	}

	static byte[] bytes(Object body) {
		try {
			return JsonUtils.getObjectWriter().writeValueAsBytes(body);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A weak ETag over the resource's content (its {@code meta} left out): it changes
	 * with whatever a client can see change, and only then.
	 */
	static String version(ObjectNode resource) {
		ObjectNode content = resource.deepCopy();
		content.remove("meta");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(content));
			return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ScimException tooLarge() {
		return new ScimException(413, null, "The request body is larger than 1 MiB");
	}

	private static String firstLine(String message) {
		String text = String.valueOf(message);
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
