package io.patchbay.accounts;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of password checks, for the sign-in form and
 * HTTP Basic alike.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = authentication.getName().toLowerCase(Locale.ROOT);
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? String.valueOf(details.getRemoteAddress()) : "unknown";
		if (this.throttle.blocked(account, address)) {
			throw new LoginThrottledException();
		}
		try {
			return this.delegate.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(account, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	static class LoginThrottledException extends AuthenticationException {

		LoginThrottledException() {
			super("Too many failed sign-in attempts: wait 15 minutes and try again");
		}

	}

}
