package io.patchbay.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an open session true to the account on every request: a member deactivated since
 * signing in, or whose sessions were ended since (a new password, a claimed invitation:
 * the member's session version moved past the one the session was opened under), loses
 * the session at once (the rest of the chain then sees an anonymous caller: 401 for the
 * APIs, the sign-in page for pages), and changed admin permissions apply at once. One
 * indexed read per signed-in request keeps it cheap. Not a bean, so that it runs only
 * inside the security filter chains.
 */
class ActiveMemberFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final MemberRepository members;

	ActiveMemberFilter(MemberRepository members) {
		this.members = members;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInMember member) {
			Optional<MemberRepository.SessionState> state = this.members.sessionState(member.id());
			if (state.isEmpty() || state.get().version() != member.sessionVersion()) {
				this.contexts.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!state.get().permissions().equals(member.permissions())) {
				SignedInMember current = member.withPermissions(state.get().permissions());
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(current.asAuthentication());
				this.contexts.setContext(context);
				if (request.getSession(false) != null) {
					this.sessions.saveContext(context, request, response);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
