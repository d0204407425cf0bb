package io.patchbay.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API calls the benchmark's setup needs.
 */
record Admin(String base, String authorization) {

	private static final HttpClient http = HttpClient.newHttpClient();

	String create(String path, String json) throws IOException, InterruptedException {
		return field(send("POST", path, json), "id");
	}

	String integration(String name, String permissions) throws IOException, InterruptedException {
		String id = create("/api/admin/integrations", "{\"name\":\"" + name + " " + System.nanoTime() + "\"}");
		send("PUT", "/api/admin/integrations/" + id + "/permissions", "{\"permissions\":" + permissions + "}");
		return id;
	}

	String token(String integrationId) throws IOException, InterruptedException {
		return field(send("POST", "/api/admin/integrations/" + integrationId + "/access-token", ""), "accessToken");
	}

	String send(String method, String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

}
