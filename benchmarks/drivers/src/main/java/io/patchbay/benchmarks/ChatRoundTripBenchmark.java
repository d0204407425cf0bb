package io.patchbay.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Chat round trip (operations.md, benchmark 4): a member writes to a bot through the
 * member API, the bot's server gets the {@code page} {@code messages} webhook and answers
 * at once through the Send API, and the answer arrives on the member's event stream. N
 * conversations run at once, each waiting for its answer before writing again; the
 * figure is the time from the member's write to the answer on their stream, p50 and p99.
 * Members use a signed-in session (as the member app does), not HTTP Basic, so that no
 * password hash is measured.
 */
public final class ChatRoundTripBenchmark {

	private static final Pattern SENDER = Pattern.compile("\"sender\":\\{\"id\":\"(\\d+)\"");

	private static final Pattern TEXT = Pattern.compile("\"text\":\"(rt-[0-9-]+)\"");

	private static final Pattern ECHO = Pattern.compile("\"text\":\"echo (rt-[0-9-]+)\"");

	/**
	 * When each step of a round trip happened (System.nanoTime), per marker: written,
	 * write answered, webhook received, Send API answered, answer on the stream.
	 */
	private static final Map<String, long[]> STEPS = new ConcurrentHashMap<>();

	private static final String[] STEP_NAMES = { "member API write answered", "webhook at the bot",
			"Send API answered", "answer on the stream" };

	public static void main(String[] args) throws Exception {
		String base = args[0];
		Admin admin = new Admin(base,
				"Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8)));
		int conversations = Integer.parseInt(args[2]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
		Duration pace = Duration.ofMillis(Long.parseLong(args[4]));
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();

		// The bot: answers every message at once, echoing its text.
		String bot = admin.create("/api/admin/integrations", "{\"name\":\"Echo " + System.nanoTime()
				+ "\",\"kind\":\"BOT\"}");
		String pageId = field(admin.send("GET", "/api/admin/integrations/" + bot, ""), "pageId");
		String token = admin.token(bot);
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		receiver.createContext("/bot", (exchange) -> answer(exchange, http, base, token));
		receiver.start();
		admin.send("PUT", "/api/admin/integrations/" + bot + "/webhooks/page",
				"{\"callbackUrl\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
						+ "/bot\",\"verifyToken\":\"bench\",\"fields\":[\"messages\"]}");

		List<Conversation> all = new ArrayList<>();
		for (int i = 0; i < conversations; i++) {
			String email = "chatter-" + i + "-" + System.nanoTime() + "@example.com";
			String password = "chatter-password-" + i;
			admin.create("/api/admin/members",
					"{\"email\":\"" + email + "\",\"name\":\"Chatter " + i + "\",\"password\":\"" + password + "\"}");
			MemberSession session = MemberSession.signIn(http, base, email, password);
			String thread = field(send(http, session, base + "/api/v1/threads",
					"{\"participantIds\":[\"" + pageId + "\"]}"), "id");
			all.add(new Conversation(i, session, thread));
		}
		for (Conversation conversation : all) {
			conversation.listen(http, base);
		}
		System.out.printf("setup: %d conversations with one bot answering at once%n", conversations);

		run(http, base, all, Duration.ofSeconds(5), pace);
		Result result = run(http, base, all, duration, pace);
		System.out.printf("each conversation writes %s; round trips: %d in %d s (%.0f/s)%n",
				pace.isZero() ? "again as soon as the answer came (saturation)"
						: "every " + pace.toMillis() + " ms (" + conversations * 1000 / pace.toMillis() + " messages/s offered)",
				result.count(), duration.toSeconds(), result.count() / (double) duration.toSeconds());
		System.out.printf("member message -> bot webhook -> Send API -> member's stream: p50 %.1f ms, p90 %.1f ms, "
				+ "p99 %.1f ms, max %.1f ms%n", result.percentile(50), result.percentile(90), result.percentile(99),
				result.percentile(100));
		// Where the time goes: when each step happened, counted from the member's write.
		for (int step = 1; step <= STEP_NAMES.length; step++) {
			Result segment = result.segment(step);
			System.out.printf("  step %d, %-26s p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", step,
					STEP_NAMES[step - 1] + ":", segment.percentile(50), segment.percentile(90), segment.percentile(99),
					segment.percentile(100));
		}
		receiver.stop(0);
		System.exit(0);
	}

	private record Result(long[] latencies, int count, List<long[]> steps) {

		/** The time from the member's write to {@code step}, where the step was seen. */
		Result segment(int step) {
			long[] spans = this.steps.stream()
				.filter((seen) -> seen[step] != 0)
				.mapToLong((seen) -> seen[step] - seen[0])
				.toArray();
			return new Result(spans, spans.length, List.of());
		}

		double percentile(int p) {
			long[] sorted = Arrays.copyOf(this.latencies, this.count);
			Arrays.sort(sorted);
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1_000_000.0;
		}

	}

	private static Result run(HttpClient http, String base, List<Conversation> all, Duration duration,
			Duration pace) throws InterruptedException {
		long[] latencies = new long[10_000_000];
		List<long[]> steps = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger count = new AtomicInteger();
		long end = System.nanoTime() + duration.toNanos();
		CountDownLatch done = new CountDownLatch(all.size());
		for (Conversation conversation : all) {
			Thread.ofVirtual().start(() -> {
				try {
					// Conversations start spread over one pace, as people do not all type at once.
					Thread.sleep(pace.toMillis() * conversation.index / all.size());
					while (System.nanoTime() < end) {
						long started = System.nanoTime();
						long[] seen = conversation.roundTrip(http, base);
						long latency = seen[4] - seen[0];
						steps.add(seen);
						long rest = pace.toNanos() - (System.nanoTime() - started);
						if (rest > 0) {
							Thread.sleep(Duration.ofNanos(rest));
						}
						int slot = count.getAndIncrement();
						if (slot < latencies.length) {
							latencies[slot] = latency;
						}
					}
				}
				catch (Exception ex) {
					System.err.println("conversation " + conversation.index + " failed: " + ex);
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		return new Result(latencies, Math.min(count.get(), latencies.length), steps);
	}

	/** One member's thread with the bot and their event stream. */
	private static final class Conversation {

		private final int index;

		private final MemberSession session;

		private final String thread;

		private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();

		private int sequence;

		Conversation(int index, MemberSession session, String thread) {
			this.index = index;
			this.session = session;
			this.thread = thread;
		}

		void listen(HttpClient http, String base) throws IOException, InterruptedException {
			HttpResponse<InputStream> stream = http.send(this.session.request(base + "/api/v1/events")
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			Thread.ofVirtual().start(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = lines.readLine()) != null) {
						if (line.startsWith("data:") && line.contains("\"type\":\"bot\"")) {
							Matcher echo = ECHO.matcher(line);
							if (echo.find()) {
								CompletableFuture<Long> waiter = this.waiting.remove(echo.group(1));
								if (waiter != null) {
									waiter.complete(System.nanoTime());
								}
							}
						}
					}
				}
				catch (IOException ex) {
					System.err.println("stream " + this.index + " ended: " + ex);
				}
			});
		}

		long[] roundTrip(HttpClient http, String base) throws Exception {
			String marker = "rt-" + this.index + "-" + (this.sequence++);
			CompletableFuture<Long> answer = new CompletableFuture<>();
			this.waiting.put(marker, answer);
			long[] seen = new long[5];
			STEPS.put(marker, seen);
			seen[0] = System.nanoTime();
			send(http, this.session, base + "/api/v1/threads/" + this.thread + "/messages",
					"{\"text\":\"" + marker + "\"}");
			seen[1] = System.nanoTime();
			try {
				seen[4] = answer.get(10, TimeUnit.SECONDS);
				STEPS.remove(marker);
				return seen;
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("no answer to " + marker + " within 10 s");
			}
		}

	}

	/** The bot's server: 200 at once, then the answer through the Send API. */
	private static void answer(HttpExchange exchange, HttpClient http, String base, String token) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String query = exchange.getRequestURI().getQuery();
		if ("GET".equals(exchange.getRequestMethod()) && query != null && query.contains("hub.challenge=")) {
			byte[] challenge = query.replaceAll(".*hub\\.challenge=([^&]+).*", "$1").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, challenge.length);
			exchange.getResponseBody().write(challenge);
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
		Matcher senders = SENDER.matcher(body);
		Matcher texts = TEXT.matcher(body);
		while (senders.find() && texts.find()) {
			String marker = texts.group(1);
			long[] seen = STEPS.getOrDefault(marker, new long[5]);
			seen[2] = System.nanoTime();
			String reply = "{\"recipient\":{\"id\":\"" + senders.group(1) + "\"},\"message\":{\"text\":\"echo "
					+ marker + "\"}}";
			http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/graph/me/messages"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(reply))
				.build(), HttpResponse.BodyHandlers.discarding()).thenRun(() -> seen[3] = System.nanoTime());
		}
	}

	private static String send(HttpClient http, MemberSession session, String url, String json)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(session.request(url)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
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
