package io.patchbay.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The email of a sign-in that failed, kept in the session until the sign-in page shows it
 * again, so that only the password has to be typed twice. Never the password.
 */
public final class FailedSignIn {

	private static final String EMAIL = FailedSignIn.class.getName() + ".email";

	private FailedSignIn() {
	}

	static void remember(HttpServletRequest request) {
		String email = request.getParameter("email");
		if (email != null && !email.isBlank() && email.length() <= 320) {
			request.getSession().setAttribute(EMAIL, email.strip());
		}
	}

	/** The email the last failed sign-in of this session tried, once. */
	public static @Nullable String takeEmail(@Nullable HttpSession session) {
		if (session == null) {
			return null;
		}
		Object email = session.getAttribute(EMAIL);
		session.removeAttribute(EMAIL);
		return (email instanceof String text) ? text : null;
	}

}
