package io.patchbay.examples.survey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's webhook at {@code /webhook}: answers Patchbay's subscription handshake
 * ({@code GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…}), refuses every
 * POST whose signature does not match the app secret (403), and hands each messaging
 * event of a good one to the bot on a virtual thread of its own, after answering 200:
 * Patchbay counts a slow answer as a failed delivery and sends it again.
 */
final class WebhookServer {

	/** Patchbay batches at most 1000 entries into one POST: far below this. */
	private static final int MAX_BODY = 4 * 1024 * 1024;

	private final JsonMapper json;

	private final byte[] appSecret;

	private final String verifyToken;

	private final Consumer<JsonNode> bot;

	/**
	 * {@code webhook-id}s already handled: delivery is at least once, and a retry of a
	 * delivery we answered too late must not count an answer twice.
	 */
	private final Set<String> handled = Collections
		.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > 10_000;
			}
		}));

	WebhookServer(JsonMapper json, String appSecret, String verifyToken, Consumer<JsonNode> bot) {
		this.json = json;
		this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
		this.verifyToken = verifyToken;
		this.bot = bot;
	}

	/** Starts listening; port 0 takes any free port. Answers the port listened on. */
	int start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/webhook", this::handle);
		server.start();
		return server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "GET" -> handshake(exchange);
				case "POST" -> delivery(exchange);
				default -> answer(exchange, 405, "");
			}
		}
	}

	private void handshake(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String challenge = query.get("hub.challenge");
		if ("subscribe".equals(query.get("hub.mode")) && challenge != null
				&& same(this.verifyToken, query.get("hub.verify_token"))) {
			System.out.println("Subscription verified by Patchbay");
			answer(exchange, 200, challenge);
		}
		else {
			System.out.println("Refused a handshake with a wrong verify token");
			answer(exchange, 403, "");
		}
	}

	private void delivery(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			answer(exchange, 413, "");
			return;
		}
		if (!signed(exchange, body)) {
			System.out.println("Refused a webhook with a bad signature");
			answer(exchange, 403, "");
			return;
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			answer(exchange, 400, "");
			return;
		}
		String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
		answer(exchange, 200, "");
		if (!"page".equals(payload.path("object").asString(""))
				|| (webhookId != null && !this.handled.add(webhookId))) {
			return;
		}
		Thread.startVirtualThread(() -> {
			for (JsonNode entry : payload.path("entry")) {
				for (JsonNode event : entry.path("messaging")) {
					try {
						this.bot.accept(event);
					}
					catch (RuntimeException ex) {
						System.out.println("Could not answer an event: " + ex.getMessage());
					}
				}
			}
		});
	}

	/**
	 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>} of the raw body, keyed with
	 * the app secret's UTF-8 bytes; older bots check {@code X-Hub-Signature: sha1=…}.
	 */
	private boolean signed(HttpExchange exchange, byte[] body) {
		String sha256 = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
		if (sha256 != null) {
			return same("sha256=" + hmac("HmacSHA256", body), sha256);
		}
		String sha1 = exchange.getRequestHeaders().getFirst("X-Hub-Signature");
		return sha1 != null && same("sha1=" + hmac("HmacSHA1", body), sha1);
	}

	private String hmac(String algorithm, byte[] body) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(this.appSecret, algorithm));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares secrets in constant time. */
	private static boolean same(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
