package io.patchbay.examples.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A help-desk bot for Patchbay: a member describes a problem, the bot offers to open a
 * ticket (a button template with an "Open a ticket" postback and a "Help pages" link),
 * and opens it when the member clicks. "Get started" and the persistent menu open one
 * too. Tickets live in memory, numbered from 1: a real bot would file them in its
 * ticketing tool instead.
 *
 * <p>
 * Configuration from the environment: {@code PATCHBAY_URL} (default
 * {@code http://localhost:8080}), {@code BOT_TOKEN}, {@code APP_SECRET},
 * {@code VERIFY_TOKEN}, {@code PORT} (default 8081), {@code HELP_PAGES_URL}.
 */
public final class HelpdeskBot {

	static final String OPEN_TICKET = "OPEN_TICKET:";

	static final String GET_STARTED = "GET_STARTED";

	record Ticket(int number, String memberId, String subject, Instant openedAt) {
	}

	private final SendApi graph;

	private final String helpPages;

	private final AtomicInteger numbers = new AtomicInteger();

	private final Map<Integer, Ticket> tickets = new ConcurrentHashMap<>();

	HelpdeskBot(SendApi graph, String helpPages) {
		this.graph = graph;
		this.helpPages = helpPages;
	}

	public static void main(String[] args) throws Exception {
		String patchbayUrl = env("PATCHBAY_URL", "http://localhost:8080");
		String token = required("BOT_TOKEN");
		String appSecret = required("APP_SECRET");
		String verifyToken = required("VERIFY_TOKEN");
		int port = Integer.parseInt(env("PORT", "8081"));

		JsonMapper json = JsonMapper.builder().build();
		SendApi graph = new SendApi(json, patchbayUrl, token, appSecret);
		HelpdeskBot bot = new HelpdeskBot(graph, env("HELP_PAGES_URL", "https://example.com/help"));
		try {
			bot.introduce();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not set the bot's profile: " + ex.getMessage());
			System.exit(1);
		}
		WebhookServer webhook = new WebhookServer(json, appSecret, verifyToken, bot::on);
		System.out.println("Help-desk bot listening on http://localhost:" + webhook.start(port) + "/webhook");
	}

	/**
	 * The profile members see in an empty thread with the bot: a greeting, the "Get
	 * started" button and a menu.
	 */
	void introduce() {
		this.graph.profile(Map.of("get_started", Map.of("payload", GET_STARTED), "greeting",
				List.of(Map.of("locale", "default", "text",
						"Hi! I am the help desk. Tell me what is wrong and I will open a ticket."),
						Map.of("locale", "fr_FR", "text",
								"Bonjour ! Je suis le support. Décrivez le problème et j'ouvre un ticket.")),
				"persistent_menu", List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("type", "postback", "title", "Open a ticket", "payload", OPEN_TICKET))))));
		System.out.println("Greeting, Get started and menu set");
	}

	/** One messaging event of the {@code page} webhook. */
	void on(JsonNode event) {
		if (event.has("postback")) {
			String payload = event.get("postback").path("payload").asString("");
			if (payload.equals(GET_STARTED)) {
				open(event, "");
			}
			else if (payload.startsWith(OPEN_TICKET)) {
				open(event, payload.substring(OPEN_TICKET.length()));
			}
		}
		else if (event.has("message")) {
			offer(event, event.get("message").path("text").asString("").strip());
		}
		// Deliveries and reads need no answer.
	}

	/**
	 * Offers a ticket about what the member wrote. The subject rides in the button's
	 * payload, so each offer opens the ticket it was made for.
	 */
	private void offer(JsonNode event, String text) {
		String subject = shorten(text, 200);
		this.graph.reply(event,
				Map.of("attachment", Map.of("type", "template", "payload", Map.of("template_type", "button", "text",
						subject.isEmpty() ? "Shall I open a ticket?" : "Shall I open a ticket about “" + subject + "”?",
						"buttons",
						List.of(Map.of("type", "postback", "title", "Open a ticket", "payload", OPEN_TICKET + subject),
								Map.of("type", "web_url", "title", "Help pages", "url", this.helpPages))))));
	}

	private void open(JsonNode event, String subject) {
		Ticket ticket = new Ticket(this.numbers.incrementAndGet(), event.path("sender").path("id").asString(),
				subject.isBlank() ? "New request" : subject, Instant.now());
		this.tickets.put(ticket.number(), ticket);
		System.out.println("Opened ticket #" + ticket.number() + " for member " + ticket.memberId());
		long open = this.tickets.values()
			.stream()
			.filter((other) -> other.memberId().equals(ticket.memberId()))
			.count();
		this.graph.reply(event,
				Map.of("text",
						"Ticket #" + ticket.number() + " is open: " + ticket.subject()
								+ "\nThe help desk will answer you in this chat."
								+ ((open > 1) ? " You have " + open + " tickets open." : "")));
	}

	private static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
		return text.substring(0, end) + "…";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			System.err.println("Set " + name + " (see examples/README.md)");
			System.exit(2);
		}
		return value;
	}

}
