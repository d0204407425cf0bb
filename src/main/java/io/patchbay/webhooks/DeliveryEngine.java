package io.patchbay.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.patchbay.integrations.IntegrationChanged;
import io.patchbay.integrations.IntegrationSecrets;
import io.patchbay.platform.OutboundException;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.OutboundRequest;
import io.patchbay.platform.OutboundResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries from the database and sends them. Claims use
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several nodes share the work and a dead
 * node's claims are taken over once its lease expires. A claimed delivery is checked
 * against the integration's current state before it is sent (enabled, the subscription
 * active and listing the field, a permission for it held, the group within the group
 * access), and abandoned when it may no longer go out. Entries waiting for their first
 * attempt are batched per integration and topic. Each POST runs on its own virtual thread
 * through {@link OutboundHttp}, whose pool caps concurrent calls per host: a slow
 * receiver holds only its own connections. A new event wakes the engine at once; retries
 * and other nodes' events are found by polling.
 */
@Component
class DeliveryEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private record Claimed(long id, Subscriber subscriber, String webhookId, String body, int attempts) {
	}

	/** Deliveries given up at the claim, by reason, to be marked in one update each. */
	private record Refusals(Map<String, List<Long>> byReason) {

		Refusals() {
			this(new LinkedHashMap<>());
		}

		void add(String reason, long deliveryId) {
			this.byReason.computeIfAbsent(reason, (key) -> new ArrayList<>()).add(deliveryId);
		}

	}

	private final String node = UUID.randomUUID().toString();

	private final Semaphore wakeUp = new Semaphore(0);

	private final Semaphore inFlight = new Semaphore(1024);

	private final Map<Long, String> appSecrets = new ConcurrentHashMap<>();

	private final DeliveryRepository deliveries;

	private final TransactionTemplate transactions;

	private final OutboundHttp http;

	private final DeliveryOutcomes outcomes;

	private final IntegrationSecrets secrets;

	private final Subscribers subscribers;

	private final WebhookProperties properties;

	private final Clock clock;

	private volatile boolean running;

	private ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private Thread dispatcher;

	DeliveryEngine(DeliveryRepository deliveries, TransactionTemplate transactions, OutboundHttp http,
			DeliveryOutcomes outcomes, IntegrationSecrets secrets, Subscribers subscribers,
			WebhookProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.transactions = transactions;
		this.http = http;
		this.outcomes = outcomes;
		this.secrets = secrets;
		this.subscribers = subscribers;
		this.properties = properties;
		this.clock = clock;
	}

	void wake() {
		if (this.wakeUp.availablePermits() == 0) {
			this.wakeUp.release();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.senders = Executors.newVirtualThreadPerTaskExecutor();
		this.dispatcher = Thread.ofVirtual().name("webhook-dispatcher").start(this::dispatchLoop);
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		try {
			this.dispatcher.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// In-flight sends finish or are cut off; their leases let another node resend.
		this.senders.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@EventListener
	void forgetSecret(IntegrationChanged changed) {
		this.appSecrets.remove(changed.integrationId());
	}

	private void dispatchLoop() {
		while (this.running) {
			try {
				int claimed = dispatchDue();
				if (claimed < this.properties.batchSize()) {
					this.wakeUp.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUp.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Webhook dispatch failed; retrying shortly: {}", ex.getMessage());
				try {
					Thread.sleep(this.properties.pollInterval().toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Claims what is due, batches first attempts, and hands each POST to a sender. */
	int dispatchDue() throws InterruptedException {
		List<Claimed> claimed = this.transactions.execute((status) -> claim());
		for (Claimed delivery : claimed) {
			this.inFlight.acquire();
			this.senders.execute(() -> {
				try {
					send(delivery);
				}
				finally {
					this.inFlight.release();
				}
			});
		}
		return claimed.size();
	}

	/**
	 * Claims what is due, checking each delivery against the integration's current state
	 * first: what it may no longer receive is abandoned here, unsent. Entries waiting for
	 * their first attempt are batched; a retried batch drops the entries no longer
	 * allowed. The state is the subscriber cache's, so the check costs no query; one
	 * query reads the entries of the retried batches, if any.
	 */
	private List<Claimed> claim() {
		Instant now = this.clock.instant();
		List<DeliveryRepository.Due> rows = this.deliveries.lockDue(now, this.properties.batchSize());
		if (rows.isEmpty()) {
			return List.of();
		}
		this.deliveries.lease(rows.stream().map(DeliveryRepository.Due::id).toList(), this.node,
				now.plus(this.properties.lease()));
		Map<Long, List<DeliveryRepository.BatchEntry>> batches = retriedBatches(rows);
		Refusals refusals = new Refusals();
		List<Claimed> claimed = new ArrayList<>();
		Map<Subscriber, List<DeliveryRepository.Due>> firstAttempts = new LinkedHashMap<>();
		// Keyed by the cache's subscriber: one batch per integration and topic.
		for (DeliveryRepository.Due row : rows) {
			Subscriber subscriber = this.subscribers.find(row.integrationId(), row.topic()).orElse(null);
			if (subscriber == null) {
				refusals.add("The subscription is no longer active", row.id());
				continue;
			}
			String sent = row.body();
			if (sent != null) {
				Claimed retry = retry(row, sent, subscriber, batches.getOrDefault(row.id(), List.of()), refusals);
				if (retry != null) {
					claimed.add(retry);
				}
				continue;
			}
			String refusal = subscriber.refusal(row.field(), row.groupId());
			if (refusal != null) {
				refusals.add(refusal, row.id());
			}
			else {
				firstAttempts.computeIfAbsent(subscriber, (key) -> new ArrayList<>()).add(row);
			}
		}
		firstAttempts.forEach((subscriber, batch) -> claimed.add(firstAttempt(subscriber, batch)));
		refusals.byReason().forEach((reason, ids) -> this.outcomes.abandon(ids, reason));
		return claimed;
	}

	private Map<Long, List<DeliveryRepository.BatchEntry>> retriedBatches(List<DeliveryRepository.Due> rows) {
		List<Long> heads = rows.stream()
			.filter((row) -> row.body() != null && row.entryCount() > 1)
			.map(DeliveryRepository.Due::id)
			.toList();
		if (heads.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<DeliveryRepository.BatchEntry>> batches = new HashMap<>();
		for (DeliveryRepository.BatchEntry entry : this.deliveries.mergedInto(heads)) {
			batches.computeIfAbsent(entry.headId(), (key) -> new ArrayList<>()).add(entry);
		}
		return batches;
	}

	/** The entries waiting for their first attempt, as one POST. */
	private Claimed firstAttempt(Subscriber subscriber, List<DeliveryRepository.Due> batch) {
		DeliveryRepository.Due head = batch.getFirst();
		String body = Envelope.of(head.topic(), batch.stream().map(DeliveryRepository.Due::entry).toList());
		this.deliveries.fixBody(head.id(), body, batch.size());
		if (batch.size() > 1) {
			this.deliveries.merge(head.id(),
					batch.subList(1, batch.size()).stream().map(DeliveryRepository.Due::id).toList());
		}
		return new Claimed(head.id(), subscriber, head.webhookId(), body, 0);
	}

	/**
	 * A delivery sent before, with the entries still allowed; {@code null} when none is.
	 * The batch keeps its row and {@code webhook-id} even when its own entry is dropped;
	 * the other dropped entries are marked failed, each with its reason.
	 */
	private @Nullable Claimed retry(DeliveryRepository.Due row, String sent, Subscriber subscriber,
			List<DeliveryRepository.BatchEntry> merged, Refusals refusals) {
		String body = sent;
		String ownRefusal = subscriber.refusal(row.field(), row.groupId());
		List<String> kept = new ArrayList<>();
		if (ownRefusal == null) {
			kept.add(row.entry());
		}
		for (DeliveryRepository.BatchEntry entry : merged) {
			String refusal = subscriber.refusal(entry.field(), entry.groupId());
			if (refusal == null) {
				kept.add(entry.entry());
			}
			else {
				refusals.add(refusal, entry.id());
			}
		}
		if (kept.isEmpty()) {
			refusals.add((ownRefusal != null) ? ownRefusal : "Nothing left to send", row.id());
			return null;
		}
		if (kept.size() < 1 + merged.size()) {
			body = Envelope.of(row.topic(), kept);
			this.deliveries.fixBody(row.id(), body, kept.size());
		}
		return new Claimed(row.id(), subscriber, row.webhookId(), body, row.attempts());
	}

	private void send(Claimed delivery) {
		Subscriber subscriber = delivery.subscriber();
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		String appSecret = this.appSecrets.computeIfAbsent(subscriber.integration().id(), this.secrets::appSecret);
		Instant attemptedAt = this.clock.instant();
		Map<String, String> headers = WebhookSignatures.headers(appSecret, delivery.webhookId(),
				attemptedAt.getEpochSecond(), body);
		OutboundRequest request = new OutboundRequest("POST",
				java.net.URI.create(subscriber.subscription().callbackUrl()), headers, body, this.properties.timeout());
		long start = System.nanoTime();
		try {
			OutboundResponse response = this.http.send(request);
			this.outcomes.answered(delivery.id(), subscriber.subscription(), delivery.attempts() + 1, attemptedAt,
					response);
		}
		catch (OutboundException ex) {
			this.outcomes.failed(delivery.id(), subscriber.subscription(), delivery.attempts() + 1, attemptedAt,
					(System.nanoTime() - start) / 1_000_000, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Delivery {} could not be sent: {}", delivery.id(), ex.toString());
			this.outcomes.failed(delivery.id(), subscriber.subscription(), delivery.attempts() + 1, attemptedAt,
					(System.nanoTime() - start) / 1_000_000, "Internal error: see the server log");
		}
	}

}
