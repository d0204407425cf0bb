package io.patchbay.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The throttle takes its toll before the password is checked, so that guesses sent in
 * parallel, all waiting on the slow hash at once, cannot pass it; and only two attempts
 * of one account are checked at a time.
 */
class ThrottledAuthenticationProviderTests {

	private final SignInProperties properties = new SignInProperties(10, Duration.ofMinutes(15), 2);

	@Test
	void parallelGuessesAreCheckedTwoAtATimeAndTheRestRefused() throws Exception {
		CountDownLatch settled = new CountDownLatch(20);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger checked = new AtomicInteger();
		AuthenticationProvider slowHash = provider((authentication) -> {
			checked.incrementAndGet();
			settled.countDown();
			await(release);
			throw new BadCredentialsException("Bad credentials");
		});
		AtomicInteger throttled = new AtomicInteger();
		List<Thread> guesses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String guess = "guess-" + i;
			guesses.add(Thread.ofVirtual().start(() -> {
				try {
					slowHash.authenticate(attempt("ada@example.com", guess, "198.51.100." + guess.length()));
				}
				catch (ThrottledAuthenticationProvider.LoginThrottledException ex) {
					throttled.incrementAndGet();
					settled.countDown();
				}
				catch (AuthenticationException ex) {
					// a checked guess, counted above
				}
			}));
		}
		assertThat(settled.await(10, TimeUnit.SECONDS)).isTrue();
		release.countDown();
		for (Thread guess : guesses) {
			guess.join();
		}
		assertThat(checked).hasValue(2);
		assertThat(throttled).hasValue(18);
	}

	@Test
	void theEleventhAttemptIsRefusedBeforeItsPasswordIsCheckedAndSuccessesCostNothing() {
		AtomicInteger checked = new AtomicInteger();
		AuthenticationProvider passwords = provider((authentication) -> {
			checked.incrementAndGet();
			if (!"right".equals(authentication.getCredentials())) {
				throw new BadCredentialsException("Bad credentials");
			}
			return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
		});
		for (int i = 0; i < 20; i++) {
			passwords.authenticate(attempt("grace@example.com", "right", "203.0.113.1"));
		}
		for (int i = 0; i < 10; i++) {
			assertThatThrownBy(() -> passwords.authenticate(attempt("grace@example.com", "wrong", "203.0.113.2")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> passwords.authenticate(attempt("GRACE@example.com", "right", "203.0.113.3")))
			.isInstanceOf(ThrottledAuthenticationProvider.LoginThrottledException.class)
			.hasMessageContaining("wait 15 minutes");
		assertThat(checked).hasValue(30);
		// The address that made the ten failures is spent too, for any account.
		assertThatThrownBy(() -> passwords.authenticate(attempt("linus@example.com", "right", "203.0.113.2")))
			.isInstanceOf(ThrottledAuthenticationProvider.LoginThrottledException.class);
		passwords.authenticate(attempt("linus@example.com", "right", "203.0.113.4"));
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsWrongWithoutAsking() {
		AtomicInteger checked = new AtomicInteger();
		AuthenticationProvider passwords = provider((authentication) -> {
			checked.incrementAndGet();
			return authentication;
		});
		assertThatThrownBy(() -> passwords.authenticate(attempt("ada@example.com", "a".repeat(73), "192.0.2.1")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> passwords.authenticate(attempt("ada@example.com", "é".repeat(37), "192.0.2.1")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(checked).hasValue(0);
	}

	private AuthenticationProvider provider(Check check) {
		AuthenticationProvider delegate = new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				return check.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}
		};
		return new ThrottledAuthenticationProvider(delegate, new LoginThrottle(this.properties), this.properties);
	}

	private static Authentication attempt(String email, String password, String address) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
				password);
		attempt.setDetails(new WebAuthenticationDetails(address, null));
		return attempt;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	interface Check {

		Authentication authenticate(Authentication authentication);

	}

}
