package io.patchbay.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher of a queue in the database (webhook deliveries, workflow runs): a
 * virtual thread that takes work again at once while the last round found some, and
 * otherwise waits for a wake-up from this node or for the poll interval, which is how it
 * finds what other nodes queued. A failed round (the database away) is retried after the
 * poll interval.
 */
public final class WorkLoop {

	/** One round of work. */
	@FunctionalInterface
	public interface Round {

		/**
		 * @return how much work this round took (0 when there was none)
		 */
		int run() throws InterruptedException;

	}

	private static final Logger log = LoggerFactory.getLogger(WorkLoop.class);

	private final Semaphore wakeUp = new Semaphore(0);

	private final String name;

	private final Duration pollInterval;

	private final Round round;

	private volatile boolean running;

	private Thread thread = Thread.ofVirtual().unstarted(() -> {
	});

	public WorkLoop(String name, Duration pollInterval, Round round) {
		this.name = name;
		this.pollInterval = pollInterval;
		this.round = round;
	}

	public void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name(this.name).start(this::loop);
	}

	/** Stops after the round under way, waiting for it up to 5 seconds. */
	public void stop() {
		this.running = false;
		wake();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean running() {
		return this.running;
	}

	/** Starts a round now if the loop is waiting; wake-ups while it works are merged. */
	public void wake() {
		if (this.wakeUp.availablePermits() == 0) {
			this.wakeUp.release();
		}
	}

	private void loop() {
		while (this.running) {
			try {
				if (this.round.run() == 0) {
					this.wakeUp.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
					this.wakeUp.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("{} failed; retrying shortly: {}", this.name, ex.getMessage());
				try {
					Thread.sleep(this.pollInterval.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
