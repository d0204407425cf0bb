package io.patchbay.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address; after 10 failures within 15
 * minutes either one must wait for the window to pass. Kept per node: a cluster
 * multiplies the allowance by its node count, which still stops guessing.
 */
@Component
class LoginThrottle {

	static final int MAX_FAILURES = 10;

	static final Duration WINDOW = Duration.ofMinutes(15);

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	boolean blocked(String account, String address) {
		return exhausted("account:" + account) || exhausted("ip:" + address);
	}

	void failed(String account, String address) {
		bucket("account:" + account).tryConsume(1);
		bucket("ip:" + address).tryConsume(1);
	}

	private boolean exhausted(String key) {
		Bucket bucket = this.buckets.get(key);
		return bucket != null && bucket.getAvailableTokens() <= 0;
	}

	private Bucket bucket(String key) {
		return this.buckets.computeIfAbsent(key,
				(k) -> Bucket.builder()
					.addLimit((limit) -> limit.capacity(MAX_FAILURES).refillIntervally(MAX_FAILURES, WINDOW))
					.build());
	}

	/** Forgets counters that have refilled, so the map does not grow without bound. */
	@Scheduled(fixedDelay = 15, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	void forgetRefilled() {
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= MAX_FAILURES);
	}

}
