package io.patchbay.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Webhook fan-out (operations.md, benchmark 1). Local receivers answer 200 at once; a set
 * of integrations subscribe to group posts; events are raised through the Graph API
 * ({@code POST /{group}/feed}) and each reaches every subscriber. Measures deliveries per
 * second while events arrive as fast as the clients can raise them, the rate at which the
 * backlog left then drains, event-to-receipt latency at a fixed event rate, and, in the same run,
 * the raw rate of signed POSTs from Apache HttpClient 5 (Patchbay's outbound client) to
 * the same receivers: the ceiling.
 */
public final class FanoutBenchmark {

	private static final Pattern MARK = Pattern.compile("bench-(\\d+)");

	private static final AtomicLong received = new AtomicLong();

	private static final AtomicInteger samples = new AtomicInteger();

	private static final long[] latencies = new long[5_000_000];

	private static volatile boolean recording;

	private static volatile long lastReceipt;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String admin = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
		int subscribers = Integer.parseInt(args[2]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
		int paced = Integer.parseInt(args[4]);
		Duration warmUp = Duration.ofSeconds((args.length > 5) ? Long.parseLong(args[5]) : 60);
		List<HttpServer> receivers = startReceivers(4);
		Admin api = new Admin(base, admin);

		String group = api.create("/api/admin/groups", "{\"name\":\"Fan-out\",\"privacy\":\"OPEN\"}");
		for (int i = 0; i < subscribers; i++) {
			String id = api.integration("Subscriber " + i, "[\"read_group\"]");
			String callback = "http://127.0.0.1:" + receivers.get(i % receivers.size()).getAddress().getPort() + "/hook";
			api.send("PUT", "/api/admin/integrations/" + id + "/webhooks/group",
					"{\"callbackUrl\":\"" + callback + "\",\"verifyToken\":\"bench\",\"fields\":[\"posts\"]}");
		}
		String raiser = api.integration("Raiser", "[\"write_group\"]");
		String token = api.token(raiser);
		// Apache HttpClient 5 (classic, pooled, on virtual threads) raises the events: the
		// JDK client cost the driver about a quarter of the machine's CPU at 450 events/s.
		CloseableHttpClient graph = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnPerRoute(128)
				.setMaxConnTotal(128)
				.build())
			.build();

		System.out.printf("setup: %d subscribers on %d receivers, events via POST /graph/%s/feed%n", subscribers,
				receivers.size(), group);
		// Until the JIT has compiled the hot paths: on a 2-core machine its one C2 thread
		// was still compiling through the measured phases after a 20 s warm-up.
		raise(graph, base, group, token, 16, warmUp, 0);
		awaitQuiet();
		System.out.printf("warm-up: %d s at full rate%n", warmUp.toSeconds());

		received.set(0);
		long start = System.nanoTime();
		long events = raise(graph, base, group, token, 16, duration, 0);
		long raisedAt = System.nanoTime();
		long receivedWhileRaising = received.get();
		awaitQuiet();
		double raising = (raisedAt - start) / 1e9;
		double draining = Math.max(lastReceipt - raisedAt, 1) / 1e9;
		long backlog = events * subscribers - receivedWhileRaising;
		System.out.printf("saturated: %d events in %.1f s (%.0f events/s accepted), %d deliveries (entries) received "
				+ "meanwhile (%.0f deliveries/s)%n", events, raising, events / raising, receivedWhileRaising,
				receivedWhileRaising / raising);
		System.out.printf("drain: a backlog of %d deliveries when intake stopped, %d received in %.2f s after "
				+ "(%.0f deliveries/s); %d of %d received in all%n", backlog, received.get() - receivedWhileRaising,
				draining, (received.get() - receivedWhileRaising) / draining, received.get(), events * subscribers);

		samples.set(0);
		recording = true;
		long pacedEvents = raise(graph, base, group, token, 64, duration, paced);
		awaitQuiet();
		recording = false;
		long[] sorted = Arrays.copyOf(latencies, samples.get());
		Arrays.sort(sorted);
		System.out.printf("latency at %d events/s (%d events, %d deliveries): event-to-receipt p50 %.1f ms, "
				+ "p99 %.1f ms, max %.1f ms%n", paced, pacedEvents, sorted.length, percentile(sorted, 50),
				percentile(sorted, 99), sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1000.0);

		rawPosts(receivers, duration);
		receivers.forEach((server) -> server.stop(0));
		System.exit(0);
	}

	/** Posts to the group feed from {@code threads} virtual threads; paced when perSecond > 0. */
	private static long raise(CloseableHttpClient graph, String base, String group, String token, int threads,
			Duration duration, int perSecond) throws InterruptedException {
		AtomicLong raised = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long interval = (perSecond > 0) ? 1_000_000_000L / perSecond : 0;
		AtomicLong next = new AtomicLong(System.nanoTime());
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < threads; t++) {
				pool.execute(() -> {
					while (true) {
						if (interval > 0) {
							long slot = next.getAndAdd(interval);
							long wait = slot - System.nanoTime();
							if (wait > 0) {
								java.util.concurrent.locks.LockSupport.parkNanos(wait);
							}
						}
						if (System.nanoTime() >= end) {
							return;
						}
						String body = "message=" + URLEncoder.encode("bench-" + micros(), StandardCharsets.UTF_8);
						HttpPost post = new HttpPost(base + "/graph/" + group + "/feed");
						post.setHeader("Authorization", "Bearer " + token);
						post.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
						try {
							String refusal = graph.execute(post, (response) -> {
								String answer = EntityUtils.toString(response.getEntity());
								return (response.getCode() == 200) ? null : response.getCode() + " " + answer;
							});
							if (refusal == null) {
								raised.incrementAndGet();
							}
							else {
								System.err.println("event refused: " + refusal);
							}
						}
						catch (IOException ex) {
							System.err.println("event failed: " + ex);
						}
					}
				});
			}
		}
		return raised.get();
	}

	private static void rawPosts(List<HttpServer> receivers, Duration duration) throws Exception {
		byte[] body = "{\"object\":\"group\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[]}]}"
			.getBytes(StandardCharsets.UTF_8);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		AtomicLong posts = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		long start = System.nanoTime();
		try (CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnPerRoute(16)
				.setMaxConnTotal(512)
				.build())
			.build(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < 16 * receivers.size(); t++) {
				HttpServer receiver = receivers.get(t % receivers.size());
				pool.execute(() -> {
					while (System.nanoTime() < end) {
						HttpPost post = new HttpPost("http://127.0.0.1:" + receiver.getAddress().getPort() + "/raw");
						String signature;
						synchronized (mac) {
							signature = HexFormat.of().formatHex(mac.doFinal(body));
						}
						post.setHeader("X-Hub-Signature-256", "sha256=" + signature);
						post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
						try {
							http.execute(post, (response) -> {
								EntityUtils.consume(response.getEntity());
								return null;
							});
							posts.incrementAndGet();
						}
						catch (IOException ex) {
							System.err.println("raw POST failed: " + ex);
						}
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("raw signed POSTs, same client library and pool size, same receivers: %.0f POST/s%n",
				posts.get() / seconds);
	}

	private static List<HttpServer> startReceivers(int count) throws IOException {
		List<HttpServer> servers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", FanoutBenchmark::receive);
			server.start();
			servers.add(server);
		}
		return servers;
	}

	private static void receive(HttpExchange exchange) throws IOException {
		long now = micros();
		byte[] answer = new byte[0];
		if ("GET".equals(exchange.getRequestMethod())) {
			Matcher challenge = Pattern.compile("hub\\.challenge=([^&]+)").matcher(exchange.getRequestURI().getQuery());
			answer = challenge.find() ? challenge.group(1).getBytes(StandardCharsets.UTF_8) : answer;
		}
		else {
			try (InputStream in = exchange.getRequestBody()) {
				Matcher marks = MARK.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				lastReceipt = System.nanoTime();
				while (marks.find()) {
					received.incrementAndGet();
					if (recording) {
						int slot = samples.getAndIncrement();
						if (slot < latencies.length) {
							latencies[slot] = now - Long.parseLong(marks.group(1));
						}
					}
				}
			}
		}
		exchange.sendResponseHeaders(200, (answer.length == 0) ? -1 : answer.length);
		if (answer.length > 0) {
			exchange.getResponseBody().write(answer);
		}
		exchange.close();
	}

	/** Waits until nothing has arrived for a second: the queue has drained. */
	private static void awaitQuiet() throws InterruptedException {
		long last = -1;
		while (received.get() != last) {
			last = received.get();
			Thread.sleep(1_000);
		}
	}

	private static double percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)] / 1000.0;
	}

	private static long micros() {
		java.time.Instant now = java.time.Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

}
