package io.patchbay.accounts;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bcrypt never runs on a virtual thread's carrier: it has platform threads of its own.
 */
class PasswordHashingTests {

	@Test
	void hashesOnItsOwnPlatformThreadsForAVirtualThreadCaller() throws Exception {
		AtomicReference<Thread> hashedOn = new AtomicReference<>();
		PasswordEncoder recording = new PasswordEncoder() {
			@Override
			public String encode(CharSequence rawPassword) {
				hashedOn.set(Thread.currentThread());
				return "{noop}" + rawPassword;
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				hashedOn.set(Thread.currentThread());
				return encodedPassword.equals("{noop}" + rawPassword);
			}
		};
		try (PasswordHashing hashing = new PasswordHashing(recording, 2)) {
			AtomicReference<Boolean> matched = new AtomicReference<>();
			Thread caller = Thread.ofVirtual().start(() -> matched.set(hashing.matches("secret", "{noop}secret")));
			caller.join();
			assertThat(matched.get()).isTrue();
			assertThat(hashedOn.get().isVirtual()).isFalse();
			assertThat(hashedOn.get().getName()).startsWith("password-hashing-");
			assertThat(hashing.encode("other")).isEqualTo("{noop}other");
		}
	}

}
