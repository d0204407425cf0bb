package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.integrations.Permission;
import org.jspecify.annotations.Nullable;

/**
 * A member as the Graph API shows them (node type {@code User}). Fields the integration
 * lacks the permission for are left out rather than refused, as the spec asks.
 */
final class MemberView {

	static final Set<String> FIELDS = Set.of("id", "name", "first_name", "last_name", "email", "title", "department",
			"division", "organization", "primary_phone", "primary_address", "locale", "active", "external_id",
			"picture", "updated_time", "account_invite_time", "account_claim_time");

	private static final Set<String> WORK_PROFILE = Set.of("title", "department", "division", "organization",
			"primary_phone", "primary_address", "locale");

	private MemberView() {
	}

	static Map<String, Object> render(GraphCaller caller, MemberProfile member, Fields requested) {
		Fields fields = requested.orDefault("id", "name").allowOnly(FIELDS, "User");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", String.valueOf(member.id()));
		for (Fields.Field field : fields.fields()) {
			String name = field.name();
			if (name.equals("email") && !caller.integration().holds(Permission.READ_USER_EMAIL)) {
				continue;
			}
			if (WORK_PROFILE.contains(name) && !caller.integration().holds(Permission.READ_WORK_PROFILE)) {
				continue;
			}
			put(answer, name, value(member, name));
		}
		return answer;
	}

	private static @Nullable Object value(MemberProfile member, String field) {
		return switch (field) {
			case "id" -> String.valueOf(member.id());
			case "name" -> member.name();
			case "first_name" -> member.firstName();
			case "last_name" -> member.lastName();
			case "email" -> member.email();
			case "title" -> member.title();
			case "department" -> member.department();
			case "division" -> member.division();
			case "organization" -> member.organization();
			case "primary_phone" -> member.primaryPhone();
			case "primary_address" -> member.primaryAddress();
			case "locale" -> member.locale();
			case "active" -> member.active();
			case "external_id" -> member.externalId();
			case "picture" -> Map.of("data", Map.of("url", "", "is_silhouette", true));
			case "updated_time" -> GraphTime.format(member.updatedAt());
			case "account_invite_time" -> GraphTime.format(member.invitedAt());
			case "account_claim_time" -> GraphTime.format(member.claimedAt());
			default -> throw GraphException.unknownField(field, "User");
		};
	}

	/** Graph leaves out fields without a value rather than answering null. */
	static void put(Map<String, Object> answer, String name, @Nullable Object value) {
		if (value != null) {
			answer.put(name, value);
		}
	}

}
