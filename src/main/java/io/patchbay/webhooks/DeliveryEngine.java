package io.patchbay.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.patchbay.integrations.IntegrationChanged;
import io.patchbay.integrations.IntegrationSecrets;
import io.patchbay.platform.OutboundException;
import io.patchbay.platform.ClusterWakeUps;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.OutboundRequest;
import io.patchbay.platform.WorkLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims due deliveries from the database and sends them. Claims use
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several nodes share the work and a dead
 * node's claims are taken over once its lease expires; {@link DeliveryClaims} checks what
 * it claims against the integration's current state and batches first attempts. Each POST
 * runs on its own virtual thread through {@link OutboundHttp}, whose pool caps concurrent
 * calls per host: a slow receiver holds only its own connections. A new event wakes the
 * engine at once; retries and other nodes' events are found by polling.
 */
@Component
class DeliveryEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);

	/** The wake-up channel of new deliveries, across the nodes of a cluster. */
	static final String WAKE_UPS = "patchbay_deliveries";

	private final Semaphore inFlight = new Semaphore(1024);

	private final Map<Long, String> appSecrets = new ConcurrentHashMap<>();

	private final DeliveryClaims claims;

	private final TransactionTemplate transactions;

	private final OutboundHttp http;

	private final OutcomeRecorder outcomes;

	private final IntegrationSecrets secrets;

	private final WebhookProperties properties;

	private final Clock clock;

	private final WorkLoop loop;

	private ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	DeliveryEngine(DeliveryClaims claims, TransactionTemplate transactions, OutboundHttp http, OutcomeRecorder outcomes,
			IntegrationSecrets secrets, WebhookProperties properties, Clock clock, ClusterWakeUps wakeUps) {
		this.claims = claims;
		this.transactions = transactions;
		this.http = http;
		this.outcomes = outcomes;
		this.secrets = secrets;
		this.properties = properties;
		this.clock = clock;
		// Work-conserving: claim again at once while claims find rows; a claim's POSTs
		// are fewer than its rows (batching), so they would say nothing.
		this.loop = new WorkLoop("webhook-dispatcher", properties.pollInterval(), this::dispatchDue);
		wakeUps.listen(WAKE_UPS, this::wake);
	}

	void wake() {
		this.loop.wake();
	}

	@Override
	public void start() {
		this.senders = Executors.newVirtualThreadPerTaskExecutor();
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
		// In-flight sends finish or are cut off; their leases let another node resend.
		this.senders.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.loop.running();
	}

	@EventListener
	void forgetSecret(IntegrationChanged changed) {
		this.appSecrets.remove(changed.integrationId());
	}

	/**
	 * Claims what is due, batches first attempts, and hands each POST to a sender.
	 * @return how many rows the claim took
	 */
	int dispatchDue() throws InterruptedException {
		DeliveryClaims.Claim claim = this.transactions.execute((status) -> this.claims.claim());
		for (DeliveryClaims.Claimed delivery : claim.sends()) {
			this.inFlight.acquire();
			this.senders.execute(() -> {
				try {
					send(delivery);
				}
				catch (InterruptedException ex) {
					// Stopping: the delivery's lease lets another node or a restart
					// resend it.
					Thread.currentThread().interrupt();
				}
				finally {
					this.inFlight.release();
				}
			});
		}
		return claim.rows();
	}

	/** Sends one POST and queues its outcome; waits while the recorder is full. */
	private void send(DeliveryClaims.Claimed delivery) throws InterruptedException {
		Subscriber subscriber = delivery.subscriber();
		Subscription subscription = subscriber.subscription();
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		String appSecret = this.appSecrets.computeIfAbsent(subscriber.integration().id(), this.secrets::appSecret);
		Instant attemptedAt = this.clock.instant();
		int attempt = delivery.attempts() + 1;
		Map<String, String> headers = WebhookSignatures.headers(appSecret, delivery.webhookId(),
				attemptedAt.getEpochSecond(), body);
		OutboundRequest request = new OutboundRequest("POST", URI.create(subscription.callbackUrl()), headers, body,
				this.properties.timeout());
		long start = System.nanoTime();
		Outcome outcome;
		try {
			outcome = Outcome.answered(delivery.id(), subscription, attempt, attemptedAt, this.http.send(request));
		}
		catch (OutboundException ex) {
			outcome = Outcome.failed(delivery.id(), subscription, attempt, attemptedAt, millisSince(start),
					ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Delivery {} could not be sent: {}", delivery.id(), ex.toString());
			outcome = Outcome.failed(delivery.id(), subscription, attempt, attemptedAt, millisSince(start),
					"Internal error: see the server log");
		}
		this.outcomes.add(outcome);
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
