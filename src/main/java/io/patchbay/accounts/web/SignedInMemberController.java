package io.patchbay.accounts.web;

import io.patchbay.accounts.Members;
import io.patchbay.accounts.SignedInMember;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: the signed-in member.
 */
@RestController
class SignedInMemberController {

	private final Members members;

	SignedInMemberController(Members members) {
		this.members = members;
	}

	@GetMapping("/api/v1/me")
	MemberView me(@AuthenticationPrincipal SignedInMember member) {
		return MemberView.of(this.members.find(member.id()));
	}

}
