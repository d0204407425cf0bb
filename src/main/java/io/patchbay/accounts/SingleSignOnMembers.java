package io.patchbay.accounts;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns an identity the company's provider vouches for into a member's session. The
 * identity is matched to an active member by external id (the token's {@code sub}) or by
 * email; an unknown identity is refused, since accounts come from administrators and
 * SCIM, not from a first sign-in. The session then holds the same {@link SignedInMember}
 * as a password sign-in, so every later check (session version, permissions) is the same.
 */
@Component
class SingleSignOnMembers implements OAuth2UserService<OidcUserRequest, OidcUser>, ClientRegistrationRepository,
		AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(SingleSignOnMembers.class);

	static final String UNKNOWN = "unknown_member";

	private final OidcUserService identities = new OidcUserService();

	private final SingleSignOn sso;

	private final MemberRepository members;

	private final InvitationRepository invitations;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();

	SingleSignOnMembers(SingleSignOn sso, MemberRepository members, InvitationRepository invitations, Clock clock) {
		this.sso = sso;
		this.members = members;
		this.invitations = invitations;
		this.clock = clock;
	}

	@Override
	public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
		return SingleSignOn.REGISTRATION.equals(registrationId) ? this.sso.registration().orElse(null) : null;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser identity = this.identities.loadUser(request);
		Optional<MemberProfile> member = this.members.findByExternalId(identity.getSubject());
		// An address the provider itself says it has not verified names nobody.
		if (member.isEmpty() && identity.getEmail() != null && !Boolean.FALSE.equals(identity.getEmailVerified())) {
			member = this.members.findByEmail(identity.getEmail());
		}
		MemberProfile matched = member.filter(MemberProfile::active)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(UNKNOWN, "No active member matches this identity", null)));
		return new MatchedIdentity(identity, matched.id());
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		long memberId = ((MatchedIdentity) authentication.getPrincipal()).memberId;
		Optional<SignedInMember> found = this.members.findForSignIn(memberId).filter(SignedInMember::isEnabled);
		if (found.isEmpty()) {
			// Deactivated since the identity was matched: the provider's session the
			// filter just saved must not stay.
			SecurityContextHolder.clearContext();
			if (request.getSession(false) != null) {
				request.getSession(false).invalidate();
			}
			onAuthenticationFailure(request, response, new OAuth2AuthenticationException(UNKNOWN));
			return;
		}
		SignedInMember member = found.get();
		this.members.signedIn(memberId, this.clock.instant());
		this.invitations.revokeAll(memberId);
		member.eraseCredentials();
		UsernamePasswordAuthenticationToken session = member.asAuthentication();
		session.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(session);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		this.then.onAuthenticationSuccess(request, response, session);
	}

	/**
	 * Back to the sign-in page, which says that no account matches. Why is logged for the
	 * administrator: the provider's error code (a misconfigured client, an unknown
	 * identity), never a token.
	 */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = (exception instanceof OAuth2AuthenticationException oauth)
				? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
				: exception.getClass().getSimpleName();
		log.info("Single sign-on refused ({})", reason);
		response.sendRedirect(request.getContextPath() + "/login?ssoError");
	}

	/** The provider's identity with the member it was matched to. */
	static final class MatchedIdentity extends DefaultOidcUser {

		private final long memberId;

		MatchedIdentity(OidcUser identity, long memberId) {
			super(identity.getAuthorities(), identity.getIdToken(), identity.getUserInfo());
			this.memberId = memberId;
		}

	}

}
