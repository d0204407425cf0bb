package io.patchbay.accounts.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.Members;
import io.patchbay.accounts.Passwords;
import io.patchbay.accounts.SignedInMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: the signed-in member; {@code POST /api/v1/me/password}: their
 * new password, which ends their other sessions while this one goes on.
 */
@RestController
class SignedInMemberController {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final Members members;

	private final Passwords passwords;

	SignedInMemberController(Members members, Passwords passwords) {
		this.members = members;
		this.passwords = passwords;
	}

	@GetMapping("/api/v1/me")
	MemberView me(@AuthenticationPrincipal SignedInMember member) {
		return MemberView.of(this.members.find(member.id()));
	}

	@PostMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@AuthenticationPrincipal SignedInMember member, @RequestBody PasswordChange change,
			HttpServletRequest request, HttpServletResponse response) {
		int version = this.passwords.change(Actor.member(member), change.currentPassword(), change.newPassword());
		if (request.getSession(false) != null) {
			// A fresh session id too: the old one is the one that may have leaked.
			request.changeSessionId();
			SignedInMember current = member.withSessionVersion(version);
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(current.asAuthentication());
			this.contexts.setContext(context);
			this.sessions.saveContext(context, request, response);
		}
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

}
