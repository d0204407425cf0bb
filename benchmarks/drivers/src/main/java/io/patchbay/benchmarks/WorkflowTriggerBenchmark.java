package io.patchbay.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflow triggers (operations.md, benchmark 3): WORKFLOWS published workflows, each
 * posting the marker it is sent into one of CHANNELS group chats, are triggered by an
 * external sender through {@code POST /hooks/workflows/{secret}}, round robin so that no
 * workflow gets more than its 1 request per second. A member in every channel listens on
 * their event stream; a run is complete when its message arrives there. Open loop at RATE
 * triggers per second, or with RATE=0 a closed loop of CONCURRENCY senders as fast as the
 * triggers are answered. Figures: triggers accepted (200) per second, runs completed per
 * second, and trigger-to-message latency.
 */
public final class WorkflowTriggerBenchmark {

	private static final Pattern MARKER = Pattern.compile("\"text\":\"(wf-[0-9]+)\"");

	private static final Map<String, Long> SENT = new ConcurrentHashMap<>();

	private static final ConcurrentLinkedQueue<Long> LATENCIES = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<Long> ANSWERS = new ConcurrentLinkedQueue<>();

	private static final AtomicLong LAST_COMPLETION = new AtomicLong();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String[] credentials = args[1].split(":", 2);
		int workflows = Integer.parseInt(args[2]);
		int channels = Integer.parseInt(args[3]);
		int rate = Integer.parseInt(args[4]);
		int concurrency = Integer.parseInt(args[5]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[6]));
		// Until the JIT has compiled the hot paths (on 2 cores, about a minute).
		Duration warmUp = Duration.ofSeconds((args.length > 7) ? Long.parseLong(args[7]) : 60);
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		Admin basic = new Admin(base,
				"Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8)));

		// A listener in every channel (with one colleague, as a group chat needs a name).
		String listenerEmail = "listener-" + System.nanoTime() + "@example.com";
		basic.create("/api/admin/members",
				"{\"email\":\"" + listenerEmail + "\",\"name\":\"Listener\",\"password\":\"listener-password\"}");
		String colleague = basic.create("/api/admin/members",
				"{\"email\":\"colleague-" + System.nanoTime() + "@example.com\",\"name\":\"Colleague\"}");
		MemberSession listener = MemberSession.signIn(http, base, listenerEmail, "listener-password");
		List<String> threads = new ArrayList<>();
		for (int i = 0; i < channels; i++) {
			threads.add(field(send(http, listener, "POST", base + "/api/v1/threads",
					"{\"name\":\"Alerts " + i + "\",\"participantIds\":[\"" + colleague + "\"]}"), "id"));
		}
		// The workflows, made through the admin API with the administrator's session.
		MemberSession admin = MemberSession.signIn(http, base, credentials[0], credentials[1]);
		List<String> hooks = setUp(http, base, admin, workflows, threads);
		System.out.printf("setup: %d published workflows posting into %d channels%n", workflows, channels);
		listen(http, base, listener);

		run(http, base, hooks, rate, concurrency, warmUp, true);
		Report report = run(http, base, hooks, rate, concurrency, duration, false);
		report.print(duration);
		System.exit(0);
	}

	private static List<String> setUp(HttpClient http, String base, MemberSession admin, int workflows,
			List<String> threads) throws Exception {
		ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
		Semaphore parallel = new Semaphore(16);
		List<Future<String>> created = new ArrayList<>();
		for (int i = 0; i < workflows; i++) {
			String thread = threads.get(i % threads.size());
			int n = i;
			created.add(pool.submit(() -> {
				parallel.acquire();
				try {
					String id = field(send(http, admin, "POST", base + "/api/admin/workflows", "{\"name\":\"Alert " + n
							+ "\",\"trigger\":{\"type\":\"webhook\",\"variables\":[{\"key\":\"marker\"}]},"
							+ "\"steps\":[{\"type\":\"send_message\",\"threadId\":\"" + thread
							+ "\",\"text\":\"{{marker}}\"}]}"), "id");
					send(http, admin, "POST", base + "/api/admin/workflows/" + id + "/publish", "");
					String url = field(send(http, admin, "GET", base + "/api/admin/workflows/" + id + "?reveal=true", null),
							"url");
					return base + url.replaceFirst("^https?://[^/]+", "");
				}
				finally {
					parallel.release();
				}
			}));
		}
		List<String> hooks = new ArrayList<>();
		for (Future<String> hook : created) {
			hooks.add(hook.get());
		}
		return hooks;
	}

	private static void listen(HttpClient http, String base, MemberSession listener) throws Exception {
		HttpResponse<InputStream> stream = http.send(listener.request(base + "/api/v1/events")
			.header("Accept", "text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		Thread.ofVirtual().start(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:") && line.contains("\"type\":\"workflow\"")) {
						Matcher marker = MARKER.matcher(line);
						if (marker.find()) {
							Long sent = SENT.remove(marker.group(1));
							if (sent != null) {
								long now = System.nanoTime();
								LATENCIES.add(now - sent);
								LAST_COMPLETION.set(now);
							}
						}
					}
				}
			}
			catch (IOException ex) {
				System.err.println("event stream ended: " + ex);
			}
		});
	}

	private record Report(int accepted, int limited, int failed, long[] latencies, long[] answers, long start,
			long lastCompletion, int pending) {

		void print(Duration duration) {
			double seconds = duration.toSeconds();
			double completedSeconds = Math.max(seconds, (this.lastCompletion - this.start) / 1e9);
			System.out.printf("triggers accepted: %d in %.0f s (%.0f/s); 429: %d; other errors: %d%n", this.accepted,
					seconds, this.accepted / seconds, this.limited, this.failed);
			System.out.printf("runs completed (message on the stream): %d in %.1f s (%.0f/s); not arrived: %d%n",
					this.latencies.length, completedSeconds, this.latencies.length / completedSeconds, this.pending);
			System.out.printf("trigger answered: p50 %.1f ms, p99 %.1f ms%n", percentile(this.answers, 50),
					percentile(this.answers, 99));
			System.out.printf("trigger -> message on the member's stream: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
					+ "max %.1f ms%n", percentile(this.latencies, 50), percentile(this.latencies, 90),
					percentile(this.latencies, 99), percentile(this.latencies, 100));
		}

		private static double percentile(long[] values, int p) {
			long[] sorted = values.clone();
			Arrays.sort(sorted);
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1_000_000.0;
		}

	}

	private static Report run(HttpClient http, String base, List<String> hooks, int rate, int concurrency,
			Duration duration, boolean warmUp) throws Exception {
		SENT.clear();
		LATENCIES.clear();
		ANSWERS.clear();
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger limited = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		AtomicLong sequence = new AtomicLong(warmUp ? 1_000_000_000L : 0);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		Runnable trigger = () -> {
			String marker = "wf-" + sequence.incrementAndGet();
			String hook = hooks.get(Math.floorMod(next.getAndIncrement(), hooks.size()));
			long sent = System.nanoTime();
			SENT.put(marker, sent);
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(hook))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"marker\":\"" + marker + "\"}"))
					.build(), HttpResponse.BodyHandlers.discarding());
				ANSWERS.add(System.nanoTime() - sent);
				switch (response.statusCode()) {
					case 200 -> accepted.incrementAndGet();
					case 429 -> {
						limited.incrementAndGet();
						SENT.remove(marker);
					}
					default -> {
						failed.incrementAndGet();
						SENT.remove(marker);
					}
				}
			}
			catch (Exception ex) {
				failed.incrementAndGet();
				SENT.remove(marker);
			}
		};
		List<Thread> senders = new ArrayList<>();
		if (rate > 0) {
			// Open loop: a trigger every 1/rate s, each on its own virtual thread.
			long interval = 1_000_000_000L / rate;
			for (long due = start; due < end; due += interval) {
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(Duration.ofNanos(wait));
				}
				senders.add(Thread.ofVirtual().start(trigger));
			}
		}
		else {
			for (int i = 0; i < concurrency; i++) {
				senders.add(Thread.ofVirtual().start(() -> {
					while (System.nanoTime() < end) {
						trigger.run();
					}
				}));
			}
		}
		for (Thread sender : senders) {
			sender.join();
		}
		// Runs accepted at the end are given 10 s to arrive.
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!SENT.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return new Report(accepted.get(), limited.get(), failed.get(),
				LATENCIES.stream().mapToLong(Long::longValue).toArray(),
				ANSWERS.stream().mapToLong(Long::longValue).toArray(), start, LAST_COMPLETION.get(), SENT.size());
	}

	private static String send(HttpClient http, MemberSession session, String method, String url, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = session.request(url);
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = http.send(
				request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
						: HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
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
