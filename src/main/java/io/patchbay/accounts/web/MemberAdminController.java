package io.patchbay.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.CreatedMember;
import io.patchbay.accounts.Members;
import io.patchbay.accounts.SignedInMember;
import io.patchbay.platform.KeysetPage;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members rows of the admin REST API ({@code accounts.md}). Changes act as the
 * signed-in administrator, whose rights the accounts module checks.
 */
@RestController
@RequestMapping("/api/admin/members")
@PreAuthorize("hasAuthority('manage_accounts')")
class MemberAdminController {

	private final Members members;

	MemberAdminController(Members members) {
		this.members = members;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	MemberView create(@AuthenticationPrincipal SignedInMember actor, @RequestBody MemberRequests.Create request) {
		CreatedMember created = this.members.create(Actor.administrator(actor), request.details(), request.password());
		return MemberView.of(created.member(), created.inviteUrl());
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) @Nullable String query,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "50") int limit) {
		KeysetPage<MemberView> page = this.members.list(query, active, after, limit).map(MemberView::of);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("data", page.items());
		if (page.nextCursor() != null) {
			answer.put("nextCursor", String.valueOf(page.nextCursor()));
		}
		return answer;
	}

	@GetMapping("/{id}")
	MemberView one(@PathVariable long id) {
		return MemberView.of(this.members.find(id));
	}

	@PatchMapping("/{id}")
	MemberView edit(@AuthenticationPrincipal SignedInMember actor, @PathVariable long id,
			@RequestBody MemberRequests.Edit request) {
		return MemberView.of(this.members.update(Actor.administrator(actor), id, request.changes()));
	}

	@PostMapping("/{id}/deactivate")
	MemberView deactivate(@AuthenticationPrincipal SignedInMember actor, @PathVariable long id) {
		return MemberView.of(this.members.deactivate(Actor.administrator(actor), id));
	}

	@PostMapping("/{id}/reactivate")
	MemberView reactivate(@AuthenticationPrincipal SignedInMember actor, @PathVariable long id) {
		return MemberView.of(this.members.reactivate(Actor.administrator(actor), id));
	}

	@PostMapping("/{id}/invitation")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> invite(@AuthenticationPrincipal SignedInMember actor, @PathVariable long id) {
		return Map.of("inviteUrl", this.members.invite(Actor.administrator(actor), id));
	}

	@PutMapping("/{id}/admin-permissions")
	MemberView permissions(@AuthenticationPrincipal SignedInMember actor, @PathVariable long id,
			@RequestBody MemberRequests.Permissions request) {
		return MemberView.of(this.members.replaceAdminPermissions(Actor.administrator(actor), id, request.read()));
	}

}
