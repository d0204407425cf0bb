package io.patchbay.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes the senders' outcomes and records them in batches: whatever arrived while the
 * last batch was written goes into the next, one transaction each, so the bookkeeping of
 * a thousand POSTs costs a few statements, and a lone POST is recorded at once. The queue
 * is bounded: when the database falls behind, senders wait here holding their place in
 * the engine's in-flight limit, so the engine claims no more than it can record. An
 * outcome lost with its node (or a batch the database refused three times) leaves the
 * delivery to its lease: it is sent again, which at-least-once delivery allows.
 */
@Component
class OutcomeRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

	private final BlockingQueue<Outcome> queue;

	private final DeliveryOutcomes outcomes;

	private final int batchSize;

	private volatile boolean running;

	private Thread writer = Thread.ofVirtual().unstarted(() -> {
	});

	OutcomeRecorder(DeliveryOutcomes outcomes, WebhookProperties properties) {
		this.outcomes = outcomes;
		this.batchSize = properties.batchSize();
		this.queue = new ArrayBlockingQueue<>(4 * properties.batchSize());
	}

	/** Queues an outcome to be recorded; waits while the queue is full. */
	void add(Outcome outcome) throws InterruptedException {
		this.queue.put(outcome);
	}

	@Override
	public void start() {
		this.running = true;
		this.writer = Thread.ofVirtual().name("webhook-outcomes").start(this::writeLoop);
	}

	/**
	 * Stops once what was queued is recorded (the engine, which feeds it, stops first).
	 */
	@Override
	public void stop() {
		this.running = false;
		try {
			this.writer.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before the delivery engine and stops after it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	private void writeLoop() {
		List<Outcome> batch = new ArrayList<>(this.batchSize);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Outcome first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.batchSize - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Outcome> batch) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			try {
				this.outcomes.record(batch);
				return;
			}
			catch (RuntimeException ex) {
				if (attempt == 3) {
					log.warn("{} delivery outcomes could not be recorded; their leases will resend them: {}",
							batch.size(), ex.getMessage());
					return;
				}
				Thread.sleep(100L * attempt);
			}
		}
	}

}
