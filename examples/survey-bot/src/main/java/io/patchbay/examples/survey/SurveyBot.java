package io.patchbay.examples.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A survey bot for Patchbay: asks a few questions with quick replies, then one with a
 * generic template (cards with a postback button each), and sums up the answers at the
 * end, with the running average of everybody's ratings. Any message starts a survey, as
 * does "Get started". Answers live in memory.
 *
 * <p>
 * Configuration from the environment: {@code PATCHBAY_URL} (default
 * {@code http://localhost:8080}), {@code BOT_TOKEN}, {@code APP_SECRET},
 * {@code VERIFY_TOKEN}, {@code PORT} (default 8082).
 */
public final class SurveyBot {

	static final String GET_STARTED = "START_SURVEY";

	/** A question answered with quick replies (titles of at most 20 characters). */
	record Question(String key, String label, String text, List<String> choices) {
	}

	/** A card of the last question. */
	record Perk(String title, String subtitle) {
	}

	static final List<Question> QUESTIONS = List.of(
			new Question("tools", "Work tools", "How happy are you with your work tools? 1 = not at all, 5 = very.",
					List.of("1", "2", "3", "4", "5")),
			new Question("office", "Days at the office", "How many days a week do you work at the office?",
					List.of("0", "1–2", "3–4", "5")));

	static final List<Perk> PERKS = List.of(new Perk("Better coffee", "Beans from a local roaster"),
			new Perk("Standing desks", "In every team room"), new Perk("Quiet rooms", "To focus, or for calls"));

	static final String PERK = "perk";

	private final SendApi graph;

	/** Surveys in progress by conversation: answers by question key, in order. */
	private final Map<String, Map<String, String>> surveys = new ConcurrentHashMap<>();

	/** The work-tools ratings of every finished survey. */
	private final List<Integer> ratings = new ArrayList<>();

	SurveyBot(SendApi graph) {
		this.graph = graph;
	}

	public static void main(String[] args) throws Exception {
		String patchbayUrl = env("PATCHBAY_URL", "http://localhost:8080");
		String token = required("BOT_TOKEN");
		String appSecret = required("APP_SECRET");
		String verifyToken = required("VERIFY_TOKEN");
		int port = Integer.parseInt(env("PORT", "8082"));

		JsonMapper json = JsonMapper.builder().build();
		SendApi graph = new SendApi(json, patchbayUrl, token, appSecret);
		SurveyBot bot = new SurveyBot(graph);
		try {
			bot.introduce();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not set the bot's profile: " + ex.getMessage());
			System.exit(1);
		}
		WebhookServer webhook = new WebhookServer(json, appSecret, verifyToken, bot::on);
		System.out.println("Survey bot listening on http://localhost:" + webhook.start(port) + "/webhook");
	}

	/**
	 * The profile members see in an empty thread with the bot: a greeting, the "Get
	 * started" button and a menu to start again.
	 */
	void introduce() {
		this.graph.profile(Map.of("get_started", Map.of("payload", GET_STARTED), "greeting",
				List.of(Map.of("locale", "default", "text", "Three quick questions about your workplace, one minute."),
						Map.of("locale", "fr_FR", "text", "Trois questions rapides sur votre lieu de travail.")),
				"persistent_menu", List.of(Map.of("locale", "default", "call_to_actions",
						List.of(Map.of("type", "postback", "title", "Start again", "payload", GET_STARTED))))));
		System.out.println("Greeting, Get started and menu set");
	}

	/** One messaging event of the {@code page} webhook. */
	void on(JsonNode event) {
		String conversation = conversation(event);
		if (event.has("postback")) {
			String payload = event.get("postback").path("payload").asString("");
			if (payload.equals(GET_STARTED)) {
				start(event, conversation);
			}
			else {
				answer(event, conversation, payload);
			}
		}
		else if (event.has("message")) {
			JsonNode reply = event.get("message").path("quick_reply").path("payload");
			if (reply.isString()) {
				answer(event, conversation, reply.asString());
			}
			else if (this.surveys.get(conversation) instanceof Map<String, String> answers) {
				ask(event, answers, "Please pick one of the answers. ");
			}
			else {
				start(event, conversation);
			}
		}
	}

	private void start(JsonNode event, String conversation) {
		Map<String, String> answers = new LinkedHashMap<>();
		this.surveys.put(conversation, answers);
		ask(event, answers, "Hi! " + (QUESTIONS.size() + 1) + " quick questions. ");
	}

	/**
	 * A payload is {@code <question key>=<choice index>}. A tap on an older question's
	 * answers asks the current question again.
	 */
	private void answer(JsonNode event, String conversation, String payload) {
		Map<String, String> answers = this.surveys.get(conversation);
		if (answers == null) {
			start(event, conversation);
			return;
		}
		synchronized (answers) {
			int step = answers.size();
			String[] parts = payload.split("=", 2);
			List<String> choices = choices(step);
			int index = (parts.length == 2 && parts[1].matches("\\d{1,2}")) ? Integer.parseInt(parts[1]) : -1;
			if (!parts[0].equals(key(step)) || index < 0 || index >= choices.size()) {
				ask(event, answers, "");
				return;
			}
			answers.put(parts[0], choices.get(index));
			if (step < QUESTIONS.size()) {
				ask(event, answers, "");
			}
			else {
				this.surveys.remove(conversation);
				sumUp(event, answers);
			}
		}
	}

	/** The next question: quick replies first, then the cards. */
	private void ask(JsonNode event, Map<String, String> answers, String prefix) {
		int step = answers.size();
		if (step < QUESTIONS.size()) {
			Question question = QUESTIONS.get(step);
			List<Map<String, String>> replies = IntStream.range(0, question.choices().size())
				.mapToObj((i) -> Map.of("content_type", "text", "title", question.choices().get(i), "payload",
						question.key() + "=" + i))
				.toList();
			this.graph.reply(event, Map.of("text", prefix + question.text(), "quick_replies", replies));
			return;
		}
		if (!prefix.isEmpty()) {
			this.graph.reply(event, Map.of("text", prefix + "Which perk would you pick?"));
		}
		List<Map<String, Object>> cards = IntStream.range(0, PERKS.size())
			.mapToObj((i) -> Map.<String, Object>of("title", PERKS.get(i).title(), "subtitle", PERKS.get(i).subtitle(),
					"buttons", List.of(Map.of("type", "postback", "title", "Pick this", "payload", PERK + "=" + i))))
			.toList();
		this.graph.reply(event, Map.of("attachment",
				Map.of("type", "template", "payload", Map.of("template_type", "generic", "elements", cards))));
	}

	private void sumUp(JsonNode event, Map<String, String> answers) {
		String mine = QUESTIONS.stream()
			.map((question) -> question.label() + ": " + answers.get(question.key()))
			.collect(Collectors.joining(", "));
		String everybody;
		synchronized (this.ratings) {
			this.ratings.add(Integer.parseInt(answers.get("tools")));
			double average = this.ratings.stream().mapToInt(Integer::intValue).average().orElse(0);
			everybody = (this.ratings.size() == 1) ? "You are the first to answer." : String.format(Locale.ROOT,
					"%d answers so far, work tools %.1f/5 on average.", this.ratings.size(), average);
		}
		this.graph.reply(event,
				Map.of("text", "Thank you! Your answers: " + mine + ", Perk: " + answers.get(PERK) + ". " + everybody));
		System.out.println("Survey finished: " + answers);
	}

	private static String key(int step) {
		return (step < QUESTIONS.size()) ? QUESTIONS.get(step).key() : PERK;
	}

	private static List<String> choices(int step) {
		return (step < QUESTIONS.size()) ? QUESTIONS.get(step).choices() : PERKS.stream().map(Perk::title).toList();
	}

	/**
	 * The member's survey: in their one-to-one chat with the bot, or their own in a group
	 * chat (whose events name the thread).
	 */
	private static String conversation(JsonNode event) {
		JsonNode thread = event.path("thread").path("id");
		String member = event.path("sender").path("id").asString();
		return thread.isString() ? thread.asString() + "/" + member : member;
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
