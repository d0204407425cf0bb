package io.patchbay.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code patchbay.sign-in.*}); the defaults are the spec's.
 *
 * @param maxFailures how many failed sign-ins an account, or a client address, may have
 * within {@code failureWindow} before it must wait
 * @param failureWindow how long a failure counts; also how often spent counters are
 * forgotten
 * @param concurrentAttempts how many sign-ins of one account may be checked at the same
 * time; more are refused as throttled
 */
@ConfigurationProperties("patchbay.sign-in")
public record SignInProperties(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration failureWindow,
		@DefaultValue("2") int concurrentAttempts) {

	public SignInProperties {
		if (maxFailures < 1 || concurrentAttempts < 1 || failureWindow.isNegative() || failureWindow.isZero()) {
			throw new IllegalArgumentException(
					"patchbay.sign-in: max-failures and concurrent-attempts must be at least 1, failure-window positive");
		}
	}

	/** The wait announced to a throttled caller, in whole minutes. */
	public long waitMinutes() {
		return Math.max(1, (this.failureWindow.toSeconds() + 59) / 60);
	}

}
