package io.patchbay.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the work loops of every node when a transaction queues work (webhook deliveries,
 * workflow runs): this node's loop after the commit, and on PostgreSQL the other nodes'
 * through {@code NOTIFY}, so that a node learns of another's work at once instead of at
 * its next poll. Each node listens on one connection of its own, outside the pool, on a
 * platform thread; when that connection is lost it is opened again, and polling still
 * finds the work meanwhile. On H2 (one node) only the local wake-up happens.
 * <p>
 * The {@code NOTIFY} is not sent inside the transaction that queued the work: PostgreSQL
 * commits notifying transactions one at a time (each holds the notification queue's lock
 * through its commit), which on this project's benchmark machine halved the commit rate
 * of event intake. One announcer thread per node sends it after the commit instead, in a
 * transaction of its own; commits that happen while it is sending are announced together
 * by its next {@code NOTIFY} (one per channel). A crash between a commit and its
 * announcement, or the database failing the announcement, costs the other nodes a poll
 * interval, never the work.
 */
@Component
public class ClusterWakeUps implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterWakeUps.class);

	private static final Duration RECONNECT = Duration.ofSeconds(2);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Map<String, List<Runnable>> listeners = new ConcurrentHashMap<>();

	private volatile @Nullable Boolean postgres;

	private volatile boolean running;

	private final CountDownLatch listening = new CountDownLatch(1);

	private @Nullable Thread listener;

	private volatile @Nullable Thread announcer;

	/** Channels with work committed and not yet announced to the other nodes. */
	private final Set<String> unannounced = ConcurrentHashMap.newKeySet();

	private final Semaphore toAnnounce = new Semaphore(0);

	public ClusterWakeUps(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/**
	 * Wakes {@code local} and the nodes listening on {@code channel} after the current
	 * transaction commits (at once outside one); a transaction wakes each channel once.
	 */
	public void afterCommit(String channel, Runnable local) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			local.run();
			announce(channel);
			return;
		}
		String key = ClusterWakeUps.class.getName() + "." + channel;
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				local.run();
				announce(channel);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
	}

	/** Runs {@code wake} whenever any node queues work on {@code channel}. */
	public void listen(String channel, Runnable wake) {
		this.listeners.computeIfAbsent(channel, (name) -> new CopyOnWriteArrayList<>()).add(wake);
	}

	private void announce(String channel) {
		if (!postgres()) {
			return;
		}
		if (this.running && this.announcer != null) {
			if (this.unannounced.add(channel)) {
				this.toAnnounce.release();
			}
		}
		else {
			// Before start or while stopping (requests still finishing): at once.
			notifyNodes(channel);
		}
	}

	private void announceLoop() {
		while (this.running) {
			try {
				this.toAnnounce.acquire();
			}
			catch (InterruptedException ex) {
				return;
			}
			this.toAnnounce.drainPermits();
			announceAll();
		}
	}

	/** One {@code NOTIFY} per channel with work committed since the last one. */
	private void announceAll() {
		for (String channel : this.unannounced) {
			this.unannounced.remove(channel);
			notifyNodes(channel);
		}
	}

	private void notifyNodes(String channel) {
		try {
			this.jdbc.sql("SELECT pg_notify(?, '')").param(channel).query().singleRow();
		}
		catch (RuntimeException ex) {
			// The database away: the engines say so; the other nodes' polls find the
			// work.
			log.debug("Could not tell the other nodes of work on {}; they poll for it", channel, ex);
		}
	}

	private boolean postgres() {
		Boolean known = this.postgres;
		if (known == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
			}
			catch (SQLException ex) {
				return false;
			}
			this.postgres = known;
		}
		return known;
	}

	@Override
	public void start() {
		this.running = true;
		if (postgres()) {
			this.announcer = Thread.ofPlatform().daemon().name("cluster-announcer").start(this::announceLoop);
		}
		if (postgres() && !this.listeners.isEmpty()) {
			this.listener = Thread.ofPlatform().daemon().name("cluster-wake-ups").start(this::listenLoop);
			// A node that says it is up listens: wait (a little) for the first LISTEN.
			try {
				if (!this.listening.await(5, TimeUnit.SECONDS)) {
					log.warn("Not yet listening for other nodes' work; polling finds it meanwhile");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		for (Thread thread : new Thread[] { this.listener, this.announcer }) {
			if (thread != null) {
				thread.interrupt();
				try {
					thread.join(2_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		// What was committed while the announcer stopped.
		announceAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the work loops start, after they stop. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

	private void listenLoop() {
		while (this.running) {
			try (Connection connection = open(); Statement statement = connection.createStatement()) {
				for (String channel : this.listeners.keySet()) {
					statement.execute("LISTEN " + channel);
				}
				PGConnection notifications = connection.unwrap(PGConnection.class);
				this.listening.countDown();
				// What was queued while no connection listened was not announced.
				this.listeners.values().forEach((wakes) -> wakes.forEach(Runnable::run));
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(1_000);
					if (received != null) {
						for (PGNotification notification : received) {
							this.listeners.getOrDefault(notification.getName(), List.of()).forEach(Runnable::run);
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Listening for other nodes' work failed ({}); trying again in {}", ex.getMessage(),
							RECONNECT);
					try {
						Thread.sleep(RECONNECT);
					}
					catch (InterruptedException interrupted) {
						return;
					}
				}
			}
		}
	}

	/** A connection of its own, so that listening takes none from the pool. */
	private Connection open() throws SQLException {
		if (this.dataSource instanceof HikariDataSource hikari) {
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

}
