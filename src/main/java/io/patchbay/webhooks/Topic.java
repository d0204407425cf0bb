package io.patchbay.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.patchbay.integrations.Permission;

/**
 * The webhook topics ({@code object}) and their fields, with the permissions an
 * integration needs to subscribe to each field (any one of them).
 */
public enum Topic {

	PAGE("page",
			Map.of("messages", Set.of(Permission.MESSAGE_ANY_MEMBER, Permission.GROUP_CHAT_BOT), "messaging_postbacks",
					Set.of(Permission.MESSAGE_ANY_MEMBER, Permission.GROUP_CHAT_BOT), "message_deliveries",
					Set.of(Permission.MESSAGE_ANY_MEMBER, Permission.GROUP_CHAT_BOT), "message_reads",
					Set.of(Permission.MESSAGE_ANY_MEMBER, Permission.GROUP_CHAT_BOT), "mention",
					Set.of(Permission.BOT_MENTION))),

	GROUP("group",
			Map.of("posts", Set.of(Permission.READ_GROUP), "comments", Set.of(Permission.READ_GROUP), "membership",
					Set.of(Permission.READ_GROUP_MEMBERSHIP))),

	USER("user",
			Map.of("message_sends", Set.of(Permission.READ_ALL_MESSAGES), "status",
					Set.of(Permission.READ_WORK_PROFILE))),

	WORKPLACE_SECURITY("workplace_security", Map.of("admin_activity", Set.of(Permission.READ_SECURITY_LOGS)));

	private final String object;

	private final Map<String, Set<Permission>> fields;

	Topic(String object, Map<String, Set<Permission>> fields) {
		this.object = object;
		this.fields = fields;
	}

	/** The name integrations use: {@code page}, {@code group}, ... */
	public String object() {
		return this.object;
	}

	public List<String> fields() {
		return this.fields.keySet().stream().sorted().toList();
	}

	public boolean hasField(String field) {
		return this.fields.containsKey(field);
	}

	/** Permissions of which the integration must hold one to receive the field. */
	public Set<Permission> permissionsFor(String field) {
		return this.fields.getOrDefault(field, Set.of());
	}

	public static Optional<Topic> of(String object) {
		return Arrays.stream(values()).filter((topic) -> topic.object.equals(object)).findFirst();
	}

}
