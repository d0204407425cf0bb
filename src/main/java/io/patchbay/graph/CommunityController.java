package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Communities;
import io.patchbay.community.Community;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Privacy;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.AuditEntry;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.KeysetPage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.patchbay.graph.MemberView.put;

/**
 * {@code /community} (alias {@code /company}) and its edges: members, groups and the
 * security log.
 */
@RestController
class CommunityController {

	private static final Set<String> FIELDS = Set.of("id", "name", "privacy");

	private final Communities communities;

	private final Groups groups;

	private final Members members;

	private final AuditLog audit;

	private final ContentView content;

	private final GraphLinks links;

	CommunityController(Communities communities, Groups groups, Members members, AuditLog audit, ContentView content,
			GraphLinks links) {
		this.communities = communities;
		this.groups = groups;
		this.members = members;
		this.audit = audit;
		this.content = content;
		this.links = links;
	}

	@GetMapping({ "/graph/community", "/graph/company" })
	Map<String, Object> community(GraphCaller caller) {
		if (!caller.integration().holds(Permission.MANAGE_GROUP)) {
			caller.require(Permission.READ_GROUP, false);
		}
		Community community = this.communities.current();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", String.valueOf(community.id()));
		for (Fields.Field field : caller.fields()
			.orDefault("id", "name", "privacy")
			.allowOnly(FIELDS, "Community")
			.fields()) {
			switch (field.name()) {
				case "name" -> answer.put("name", community.name());
				// A community is visible only to its members, as Workplace's are.
				case "privacy" -> answer.put("privacy", "CLOSED");
				default -> answer.put("id", String.valueOf(community.id()));
			}
		}
		return answer;
	}

	@GetMapping({ "/graph/community/members", "/graph/company/members" })
	Map<String, Object> members(GraphCaller caller) {
		caller.require(Permission.READ_GROUP_MEMBERSHIP, false);
		// Checked up front, so that an unknown field fails even on an empty list.
		Fields fields = caller.fields().allowOnly(MemberView.FIELDS, "User");
		String email = caller.parameters().value("email");
		String externalId = caller.parameters().value("external_id");
		if (email != null) {
			// As for GET /{email}: the filter would otherwise reveal who has an address.
			caller.require(Permission.READ_USER_EMAIL, false);
		}
		if (email != null || externalId != null) {
			// A filter names at most one member: one page, nothing to follow.
			List<MemberProfile> found = ((email != null) ? this.members.findByEmail(email.strip())
					: this.members.findByExternalId(externalId.strip()))
				.filter((member) -> externalId == null || externalId.strip().equals(member.externalId()))
				.filter((member) -> email == null || email.strip().equalsIgnoreCase(member.email()))
				.stream()
				.toList();
			return GraphPaging
				.whole(found.stream().map((member) -> MemberView.render(caller, member, fields)).toList());
		}
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<MemberProfile> page = this.members.list(null, null, paging.page());
		return GraphPaging.render(page, MemberProfile::id, (member) -> MemberView.render(caller, member, fields),
				caller, this.links.graph(), "/community/members");
	}

	@GetMapping({ "/graph/community/groups", "/graph/company/groups" })
	Map<String, Object> groups(GraphCaller caller) {
		Fields fields = caller.fields().allowOnly(ContentView.GROUP_FIELDS, "Group");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		// Groups outside the group access do not exist for this integration.
		KeysetPage<Group> page = this.groups.list(caller.actor(), paging.page());
		return GraphPaging.render(page, Group::id, (group) -> this.content.group(group, fields), caller,
				this.links.graph(), "/community/groups");
	}

	@PostMapping({ "/graph/community/groups", "/graph/company/groups" })
	Map<String, Object> createGroup(GraphCaller caller) {
		// The community module decides too; checked here first only because the Graph API
		// answers a missing permission before bad parameters.
		caller.require(Permission.MANAGE_GROUP, true);
		GraphParameters parameters = caller.parameters();
		String name = ObjectController.required(parameters, "name");
		Privacy privacy = ObjectController.privacy(ObjectController.required(parameters, "privacy"));
		// The integration is not a member, so the group starts without admins.
		Group group = this.groups.create(caller.actor(), name, parameters.value("description"), privacy);
		return Map.of("id", String.valueOf(group.id()));
	}

	/** Account and administration activity, newest first (the audit log's latest). */
	@GetMapping({ "/graph/community/security_logs", "/graph/company/security_logs" })
	Map<String, Object> securityLogs(GraphCaller caller) {
		caller.require(Permission.READ_SECURITY_LOGS, false);
		int limit = Math.max(1, caller.parameters().limit(GraphPaging.DEFAULT_LIMIT, GraphPaging.MAX_LIMIT));
		List<Map<String, Object>> data = this.audit.latest(500)
			.stream()
			.filter(CommunityController::security)
			.limit(limit)
			.map(CommunityController::entry)
			.toList();
		return GraphPaging.whole(data);
	}

	private static boolean security(AuditEntry entry) {
		String action = entry.action().toLowerCase(Locale.ROOT);
		return action.startsWith("member.") || action.startsWith("integration.");
	}

	private static Map<String, Object> entry(AuditEntry entry) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", entry.id());
		answer.put("event_type", entry.action());
		answer.put("creation_time", GraphTime.format(entry.occurredAt()));
		Map<String, Object> actor = new LinkedHashMap<>();
		put(actor, "id", entry.actorId());
		actor.put("name", entry.actorName());
		answer.put("actor", actor);
		Map<String, Object> target = new LinkedHashMap<>();
		put(target, "type", entry.objectType());
		put(target, "id", entry.objectId());
		put(target, "name", entry.objectName());
		answer.put("target", target);
		put(answer, "details", entry.details());
		put(answer, "ip_address", entry.ip());
		return answer;
	}

}
