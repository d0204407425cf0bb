package io.patchbay.workflows;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bucket4j's {@code SELECT … FOR UPDATE} buckets on PostgreSQL, kept in the caller's
 * transaction instead of one of their own: the bucket's lock and its new state commit
 * with the run they admit, so a trigger costs one commit, not two. Bucket4j still does
 * the token arithmetic; this class only reads and writes its state (the same table and
 * columns as its own PostgreSQL proxy manager).
 */
final class TransactionalBuckets extends AbstractSelectForUpdateBasedProxyManager<Long> {

	private final JdbcClient jdbc;

	private final ExpirationAfterWriteStrategy expiration;

	TransactionalBuckets(JdbcClient jdbc, Duration keepIdle) {
		this(jdbc, ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepIdle));
	}

	private TransactionalBuckets(JdbcClient jdbc, ExpirationAfterWriteStrategy expiration) {
		super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiration));
		this.jdbc = jdbc;
		this.expiration = expiration;
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(Long key, Optional<Long> timeoutNanos) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A rate-limit bucket is taken inside the trigger's transaction");
		}
		return new InCallersTransaction(key);
	}

	@Override
	public void removeProxy(Long key) {
		this.jdbc.sql("DELETE FROM workflow_rate_bucket WHERE id = ?").param(key).update();
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	/**
	 * Bucket4j's steps on the transaction that is already open: beginning, committing and
	 * rolling back belong to that transaction's owner.
	 */
	private final class InCallersTransaction implements SelectForUpdateBasedTransaction {

		private final long key;

		InCallersTransaction(long key) {
			this.key = key;
		}

		@Override
		public void begin(Optional<Long> timeout) {
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
			return TransactionalBuckets.this.jdbc.sql("SELECT state FROM workflow_rate_bucket WHERE id = ? FOR UPDATE")
				.param(this.key)
				.query((rs, row) -> LockAndGetResult.locked(rs.getBytes("state")))
				.optional()
				.orElseGet(LockAndGetResult::notLocked);
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeout) {
			return TransactionalBuckets.this.jdbc
				.sql("INSERT INTO workflow_rate_bucket (id, state) VALUES (?, NULL) ON CONFLICT (id) DO NOTHING")
				.param(this.key)
				.update() > 0;
		}

		@Override
		public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
			long now = currentTimeNanos();
			long expiresAt = now / 1_000_000
					+ TransactionalBuckets.this.expiration.calculateTimeToLiveMillis(state, now);
			TransactionalBuckets.this.jdbc.sql("UPDATE workflow_rate_bucket SET state = ?, expires_at = ? WHERE id = ?")
				.params(data, expiresAt, this.key)
				.update();
		}

		@Override
		public void commit(Optional<Long> timeout) {
		}

		@Override
		public void rollback() {
		}

		@Override
		public void release() {
		}

	}

}
