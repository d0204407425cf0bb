package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.patchbay.platform.ClusterWakeUps;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher is work-conserving: while claims find rows it claims again at once, even
 * when batching made far fewer POSTs than rows, and waits for the poll interval (an hour
 * here) only when a claim finds nothing.
 */
class DeliveryEngineTests {

	@Test
	void keepsClaimingWhileRowsAreDue() {
		AtomicInteger claims = new AtomicInteger();
		// Five claims of a thousand rows each, merged into no POST at all, then nothing.
		DeliveryClaims backlog = new DeliveryClaims(null, null, null, null, Clock.systemUTC()) {
			@Override
			Claim claim() {
				return (claims.incrementAndGet() <= 5) ? new Claim(List.of(), 1000) : Claim.NONE;
			}
		};
		WebhookProperties properties = new WebhookProperties(Duration.ofSeconds(20), List.of(Duration.ofSeconds(5)),
				Duration.ofHours(36), Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(14), 1000,
				Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofHours(1));
		DeliveryEngine engine = new DeliveryEngine(backlog, new TransactionTemplate(new NoTransactions()), null, null,
				null, properties, Clock.systemUTC(), new ClusterWakeUps(null, null));
		engine.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> claims.get() >= 6);
			assertThat(claims.get()).as("an empty claim makes it wait").isEqualTo(6);
		}
		finally {
			engine.stop();
		}
	}

	/** Transactions that do nothing: the claims above touch no database. */
	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
