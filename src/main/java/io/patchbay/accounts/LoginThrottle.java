package io.patchbay.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Sign-in allowances per account and per client address: each attempt takes one before
 * its password is checked, and a successful one gives it back, so that guesses made in
 * parallel cannot overtake the count. After {@code maxFailures} failures within the
 * window an account or an address must wait; an account also has only a few attempts
 * checked at a time. Kept per node: a cluster multiplies the allowance by its node count,
 * which still stops guessing.
 */
@Component
class LoginThrottle {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Map<String, Integer> running = new ConcurrentHashMap<>();

	private final SignInProperties properties;

	LoginThrottle(SignInProperties properties) {
		this.properties = properties;
	}

	/**
	 * Takes an attempt from the address's allowance (when there is one, as for a sign-in)
	 * and the account's, and a place among the account's running attempts; empty, and
	 * nothing taken, when one of them is spent.
	 */
	Optional<Attempt> begin(String account, @Nullable String address) {
		Bucket fromAddress = (address != null) ? bucket("ip:" + address) : null;
		if (fromAddress != null && !fromAddress.tryConsume(1)) {
			return Optional.empty();
		}
		if (!enter(account)) {
			refund(fromAddress);
			return Optional.empty();
		}
		Bucket ofAccount = bucket("account:" + account);
		if (!ofAccount.tryConsume(1)) {
			refund(fromAddress);
			leave(account);
			return Optional.empty();
		}
		return Optional.of(new Attempt(account, ofAccount, fromAddress));
	}

	/** Forgets counters that have refilled, so the map does not grow without bound. */
	void forgetRefilled() {
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.properties.maxFailures());
	}

	/**
	 * Whether the account or the address has used up its failures: a remembered right
	 * password must wait then too. Takes nothing.
	 */
	boolean lockedOut(String account, @Nullable String address) {
		Bucket fromAddress = (address != null) ? this.buckets.get("ip:" + address) : null;
		Bucket ofAccount = this.buckets.get("account:" + account);
		return (fromAddress != null && fromAddress.getAvailableTokens() < 1)
				|| (ofAccount != null && ofAccount.getAvailableTokens() < 1);
	}

	private boolean enter(String account) {
		boolean[] entered = { false };
		this.running.compute(account, (key, count) -> {
			int now = (count != null) ? count : 0;
			if (now >= this.properties.concurrentAttempts()) {
				return count;
			}
			entered[0] = true;
			return now + 1;
		});
		return entered[0];
	}

	private void leave(String account) {
		this.running.computeIfPresent(account, (key, count) -> (count <= 1) ? null : count - 1);
	}

	private static void refund(@Nullable Bucket bucket) {
		if (bucket != null) {
			bucket.addTokens(1);
		}
	}

	private Bucket bucket(String key) {
		int max = this.properties.maxFailures();
		return this.buckets.computeIfAbsent(key,
				(k) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(max).refillIntervally(max, this.properties.failureWindow()))
					.build());
	}

	/** One attempt under way: a failure keeps what it took, a success gives it back. */
	final class Attempt implements AutoCloseable {

		private final String account;

		private final Bucket ofAccount;

		private final @Nullable Bucket fromAddress;

		private boolean closed;

		private Attempt(String account, Bucket ofAccount, @Nullable Bucket fromAddress) {
			this.account = account;
			this.ofAccount = ofAccount;
			this.fromAddress = fromAddress;
		}

		/** Not a failure (a success, or an error that checked nothing). */
		void refund() {
			LoginThrottle.refund(this.ofAccount);
			LoginThrottle.refund(this.fromAddress);
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				leave(this.account);
			}
		}

	}

}
