package io.patchbay.accounts;

import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of password checks, for the sign-in form, HTTP
 * Basic and the sign-in after an invitation alike. The client address is the one the
 * details source resolved through the trusted proxies.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final LoginThrottle throttle;

	private final SignInProperties properties;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle,
			SignInProperties properties) {
		this.delegate = delegate;
		this.throttle = throttle;
		this.properties = properties;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = authentication.getName().toLowerCase(Locale.ROOT);
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
		LoginThrottle.Attempt attempt = this.throttle.begin(account, address)
			.orElseThrow(() -> new LoginThrottledException(this.properties));
		try (attempt) {
			// bcrypt would compare only the first 72 bytes: a longer password is wrong,
			// as no password Patchbay accepts is that long.
			if (authentication.getCredentials() instanceof String password && PasswordPolicy.tooLong(password)) {
				throw new BadCredentialsException("Bad credentials");
			}
			Authentication authenticated = this.delegate.authenticate(authentication);
			attempt.refund();
			return authenticated;
		}
		catch (AuthenticationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// The database or the like failed: no password was judged.
			attempt.refund();
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	static class LoginThrottledException extends AuthenticationException {

		LoginThrottledException(SignInProperties properties) {
			super("Too many failed sign-in attempts: wait " + properties.waitMinutes() + " minutes and try again");
		}

	}

}
