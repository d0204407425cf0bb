package io.patchbay.accounts;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer pbm_…} on the member API: the member the personal access
 * token names is the caller of this one request (nothing is kept in a session). A token
 * that names no active member, or one sent to another API, is a 401. Not a bean, so that
 * it runs only inside the API filter chain.
 */
class PersonalTokenFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final PersonalAccessTokens tokens;

	private final Refusal refuse;

	/** How the chain answers a refused token: its 401 problem detail. */
	interface Refusal {

		void send(HttpServletResponse response, String detail) throws IOException;

	}

	PersonalTokenFilter(PersonalAccessTokens tokens, Refusal refuse) {
		this.tokens = tokens;
		this.refuse = refuse;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/api/v1/")) {
			this.refuse.send(response, "Personal access tokens work on the member API (/api/v1) only");
			return;
		}
		Optional<SignedInMember> member = this.tokens.authenticate(header.substring("bearer ".length()).strip());
		if (member.isEmpty()) {
			this.refuse.send(response, "The personal access token is not valid (revoked, or its account deactivated)");
			return;
		}
		SignedInMember signedIn = member.get();
		signedIn.eraseCredentials();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(signedIn.asAuthentication());
		this.contexts.setContext(context);
		chain.doFilter(request, response);
	}

}
