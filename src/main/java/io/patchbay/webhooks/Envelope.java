package io.patchbay.webhooks;

import java.io.StringWriter;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook POST: {@code {"object": topic, "entry": [...]}}. Entries are
 * stored as the JSON text they were enqueued with, so they go in as raw values: written
 * once, never parsed again.
 */
final class Envelope {

	private Envelope() {
	}

	static String of(Topic topic, List<String> entries) {
		StringWriter body = new StringWriter();
		try (JsonGenerator json = JsonMapper.shared().createGenerator(body)) {
			json.writeStartObject();
			json.writeStringProperty("object", topic.object());
			json.writeName("entry");
			json.writeStartArray();
			for (String entry : entries) {
				json.writeRawValue(entry);
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return body.toString();
	}

}
