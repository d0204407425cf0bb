package io.patchbay.community.web;

import java.util.List;
import java.util.Locale;

import io.patchbay.accounts.Actor;
import io.patchbay.community.Groups;
import io.patchbay.community.Privacy;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The groups rows of the admin REST API ({@code accounts.md}).
 */
@RestController
@RequestMapping("/api/admin/groups")
@PreAuthorize("hasAuthority('manage_accounts')")
class GroupAdminController {

	private final Groups groups;

	GroupAdminController(Groups groups) {
		this.groups = groups;
	}

	record Create(@Nullable String name, @Nullable String description, @Nullable String privacy) {
	}

	record AddMembers(@Nullable List<String> memberIds) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CommunityViews.GroupView create(Actor.Administrator administrator, @RequestBody Create request) {
		if (request.name() == null) {
			throw new InvalidInputException("name", "name is required");
		}
		return CommunityViews.GroupView
			.of(this.groups.create(administrator, request.name(), request.description(), privacy(request.privacy())));
	}

	@GetMapping
	ListView<CommunityViews.GroupView> list(Actor.Administrator administrator,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(defaultValue = "50") int limit) {
		return ListView.of(this.groups.list(administrator, PageRequest.after(after, limit)),
				CommunityViews.GroupView::of);
	}

	@PostMapping("/{id}/members")
	CommunityViews.GroupView addMembers(Actor.Administrator administrator, @PathVariable long id,
			@RequestBody AddMembers request) {
		if (request.memberIds() == null || request.memberIds().isEmpty()) {
			throw new InvalidInputException("memberIds", "memberIds must list at least one member id");
		}
		List<Long> memberIds = request.memberIds().stream().map((memberId) -> {
			long parsed = Ids.parse(memberId);
			if (parsed <= 0) {
				throw new InvalidInputException("memberIds", "'" + memberId + "' is not a member id");
			}
			return parsed;
		}).toList();
		return CommunityViews.GroupView.of(this.groups.addMembers(administrator, id, memberIds));
	}

	static Privacy privacy(@Nullable String privacy) {
		if (privacy == null) {
			throw new InvalidInputException("privacy", "privacy is required: OPEN, CLOSED or SECRET");
		}
		try {
			return Privacy.valueOf(privacy.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("privacy", "privacy must be OPEN, CLOSED or SECRET");
		}
	}

}
