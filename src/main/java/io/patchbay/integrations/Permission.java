package io.patchbay.integrations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The permission catalogue; names follow Workplace's API names. Group permissions reach
 * only the groups in the integration's group access wherever they apply to a group: a
 * group's content, its settings and members, its membership ({@code GET /{group}/members}
 * and the {@code group} topic's {@code membership} webhook). What names no group, such as
 * the community's member list that {@code read_group_membership} also opens, is not
 * limited by the group access.
 */
public enum Permission {

	MESSAGE_ANY_MEMBER(false), GROUP_CHAT_BOT(false), READ_ALL_MESSAGES(false), BOT_MENTION(false), READ_GROUP(true),
	WRITE_GROUP(true), MANAGE_GROUP(true), READ_GROUP_MEMBERSHIP(true), READ_USER_EMAIL(false),
	READ_WORK_PROFILE(false), READ_ORG_CHART(false), MANAGE_WORK_PROFILES(false), MANAGE_ACCOUNTS(false),
	READ_SECURITY_LOGS(false);

	private final boolean groupScoped;

	Permission(boolean groupScoped) {
		this.groupScoped = groupScoped;
	}

	/** The API name, such as {@code message_any_member}. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether, applied to a group, the permission reaches only the group access. */
	public boolean groupScoped() {
		return this.groupScoped;
	}

	public static Optional<Permission> of(String apiName) {
		return Arrays.stream(values()).filter((permission) -> permission.apiName().equals(apiName)).findFirst();
	}

}
