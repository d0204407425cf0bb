package io.patchbay.accounts;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs password hashing (bcrypt, about 50-100 ms of CPU each) on a few platform threads
 * of its own. Requests run on virtual threads, which share a carrier thread per core:
 * hashed there, a burst of sign-ins or HTTP Basic calls would hold every carrier and
 * stall all other requests and the delivery engine. The caller's virtual thread waits for
 * the result without holding its carrier.
 */
final class PasswordHashing implements PasswordEncoder, AutoCloseable {

	private final PasswordEncoder delegate;

	private final ExecutorService hashers;

	PasswordHashing(PasswordEncoder delegate, int threads) {
		this.delegate = delegate;
		this.hashers = Executors.newFixedThreadPool(threads,
				Thread.ofPlatform().daemon().name("password-hashing-", 0).factory());
	}

	@Override
	public @Nullable String encode(@Nullable CharSequence rawPassword) {
		return run(() -> this.delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
		return run(() -> this.delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(@Nullable String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	private <T> T run(Callable<T> hashing) {
		Future<T> result = this.hashers.submit(hashing);
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking a password", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	@Override
	public void close() {
		this.hashers.shutdownNow();
	}

}
