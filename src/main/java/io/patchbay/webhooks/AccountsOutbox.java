package io.patchbay.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.AdminPermission;
import io.patchbay.accounts.AdminPermissionsChanged;
import io.patchbay.accounts.MemberCreated;
import io.patchbay.accounts.MemberDeactivated;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.MemberProfileChanged;
import io.patchbay.accounts.MemberReactivated;
import io.patchbay.accounts.Members;
import io.patchbay.community.Communities;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns account events into outbox entries: {@code workplace_security}
 * {@code admin_activity} for what administrators do to accounts and roles, and
 * {@code user} {@code status} when a member's title, department or active flag changes.
 * Runs inside the transaction that made the change.
 */
@Component
class AccountsOutbox {

	private static final Set<String> STATUS_FIELDS = Set.of("title", "department", "active");

	private final Subscribers subscribers;

	private final Deliveries deliveries;

	private final Members members;

	private final Communities communities;

	AccountsOutbox(Subscribers subscribers, Deliveries deliveries, Members members, Communities communities) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.members = members;
		this.communities = communities;
	}

	@EventListener
	void on(MemberCreated created) {
		adminActivity("ADMIN_CREATE_ACCOUNT", created.actorId(), created.memberId(), created.email(),
				created.occurredAt());
	}

	@EventListener
	void on(MemberDeactivated deactivated) {
		adminActivity("ADMIN_DEACTIVATE_ACCOUNT", deactivated.actorId(), deactivated.memberId(), deactivated.email(),
				deactivated.occurredAt());
		status(deactivated.memberId(), deactivated.occurredAt());
	}

	@EventListener
	void on(MemberReactivated reactivated) {
		adminActivity("ADMIN_REACTIVATE_ACCOUNT", reactivated.actorId(), reactivated.memberId(), reactivated.email(),
				reactivated.occurredAt());
		status(reactivated.memberId(), reactivated.occurredAt());
	}

	@EventListener
	void on(AdminPermissionsChanged changed) {
		if (!changed.granted().isEmpty()) {
			adminActivity("ADMIN_ASSIGN_ROLE", changed.actorId(), changed.memberId(), changed.email(),
					changed.occurredAt(), changed.granted());
		}
		if (!changed.removed().isEmpty()) {
			adminActivity("ADMIN_REMOVE_ROLE", changed.actorId(), changed.memberId(), changed.email(),
					changed.occurredAt(), changed.removed());
		}
	}

	@EventListener
	void on(MemberProfileChanged changed) {
		if (changed.changedFields().stream().anyMatch(STATUS_FIELDS::contains)) {
			status(changed.memberId(), changed.occurredAt());
		}
	}

	private void adminActivity(String event, @Nullable Long actorId, long targetId, @Nullable String targetEmail,
			Instant at) {
		adminActivity(event, actorId, targetId, targetEmail, at, Set.of());
	}

	private void adminActivity(String event, @Nullable Long actorId, long targetId, @Nullable String targetEmail,
			Instant at, Set<AdminPermission> roles) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("event", event);
		value.put("actor_id", (actorId != null) ? String.valueOf(actorId) : null);
		value.put("target_id", String.valueOf(targetId));
		value.put("target_email", targetEmail);
		if (!roles.isEmpty()) {
			value.put("roles", roles.stream().map(AdminPermission::authority).sorted().toList());
		}
		value.put("created_time", ChangeEntries.time(at));
		Map<String, Object> entry = ChangeEntries.entry(this.communities.current().id(), at, "admin_activity", value);
		this.deliveries.enqueue(this.subscribers.of(Topic.WORKPLACE_SECURITY, "admin_activity"), "admin_activity", null,
				entry);
	}

	private void status(long memberId, Instant at) {
		var subscribers = this.subscribers.of(Topic.USER, "status");
		if (subscribers.isEmpty()) {
			return;
		}
		MemberProfile member = this.members.find(memberId);
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("title", member.title());
		value.put("department", member.department());
		value.put("active", member.active());
		Map<String, Object> entry = ChangeEntries.entry(memberId, at, "status", value);
		this.deliveries.enqueue(subscribers, "status", null, entry);
	}

}
