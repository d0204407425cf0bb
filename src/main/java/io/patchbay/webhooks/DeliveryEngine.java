package io.patchbay.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries from the database and sends them. Claims use
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several nodes share the work and a dead
 * node's claims are taken over once its lease expires. Entries waiting for their first
 * attempt are batched per integration and topic. Each POST runs on its own virtual thread
 * through {@link OutboundHttp}, whose pool caps concurrent calls per host: a slow
 * receiver holds only its own connections. A new event wakes the engine at once; retries
 * and other nodes' events are found by polling.
 */
@Component
class DeliveryEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	private record Claimed(long id, long integrationId, Topic topic, String webhookId, String body, int attempts) {
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

	private List<Claimed> claim() {
		Instant now = this.clock.instant();
		List<DeliveryRepository.Due> rows = this.deliveries.lockDue(now, this.properties.batchSize());
		if (rows.isEmpty()) {
			return List.of();
		}
		this.deliveries.lease(rows.stream().map(DeliveryRepository.Due::id).toList(), this.node,
				now.plus(this.properties.lease()));
		List<Claimed> claimed = new ArrayList<>();
		Map<String, List<DeliveryRepository.Due>> firstAttempts = new LinkedHashMap<>();
		for (DeliveryRepository.Due row : rows) {
			if (row.body() != null) {
				claimed.add(new Claimed(row.id(), row.integrationId(), row.topic(), row.webhookId(), row.body(),
						row.attempts()));
			}
			else {
				firstAttempts.computeIfAbsent(row.integrationId() + "/" + row.topic(), (key) -> new ArrayList<>())
					.add(row);
			}
		}
		for (List<DeliveryRepository.Due> batch : firstAttempts.values()) {
			DeliveryRepository.Due head = batch.getFirst();
			String body = Envelope.of(head.topic(), batch.stream().map(DeliveryRepository.Due::entry).toList());
			this.deliveries.fixBody(head.id(), body, batch.size());
			if (batch.size() > 1) {
				this.deliveries.merge(head.id(),
						batch.subList(1, batch.size()).stream().map(DeliveryRepository.Due::id).toList());
			}
			claimed.add(new Claimed(head.id(), head.integrationId(), head.topic(), head.webhookId(), body, 0));
		}
		return claimed;
	}

	private void send(Claimed delivery) {
		Subscriber subscriber = this.subscribers.find(delivery.integrationId(), delivery.topic()).orElse(null);
		if (subscriber == null || !subscriber.integration().enabled()) {
			this.outcomes.abandon(List.of(delivery.id()),
					(subscriber == null) ? "The subscription is no longer active" : "The integration is disabled");
			return;
		}
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		String appSecret = this.appSecrets.computeIfAbsent(delivery.integrationId(), this.secrets::appSecret);
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
					(System.nanoTime() - start) / 1_000_000, "Internal error: " + ex.getClass().getSimpleName());
		}
	}

}
