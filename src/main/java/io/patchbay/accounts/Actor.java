package io.patchbay.accounts;

import java.util.Set;

import io.patchbay.integrations.GroupAccess;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.Permission;

/**
 * Who is asking. Every read and write of a feature module takes the caller, and the
 * module itself decides what that caller may see and do (group privacy and membership,
 * authorship, an integration's permissions and group access, a bot's threads), so a rule
 * is written once and no adapter can forget it. Adapters only build the caller from their
 * own kind of sign-in and translate a refusal into their API's error.
 */
public sealed interface Actor {

	/** A member using the member app or the member API, with no admin powers there. */
	record Member(long id, String name) implements Actor {
	}

	/**
	 * A member acting through the console or the admin API, with the admin permissions
	 * they hold now.
	 */
	record Administrator(long id, String name, Set<AdminPermission> permissions) implements Actor {

		public Administrator {
			permissions = Set.copyOf(permissions);
		}

		public boolean holds(AdminPermission permission) {
			return this.permissions.contains(permission);
		}

		public boolean holdsAll() {
			return this.permissions.containsAll(Set.of(AdminPermission.values()));
		}

	}

	/**
	 * An integration acting as its page (Graph API, SCIM): what it may do is its
	 * permissions, and the group permissions reach only its group access.
	 */
	record Page(long integrationId, long pageId, String name, Set<Permission> permissions,
			GroupAccess groupAccess) implements Actor {

		public Page {
			permissions = Set.copyOf(permissions);
		}

		public boolean holds(Permission permission) {
			return this.permissions.contains(permission);
		}

		/** Whether a group permission the page holds reaches the group. */
		public boolean reaches(Permission permission, long groupId) {
			return holds(permission) && (!permission.groupScoped() || this.groupAccess.reaches(groupId));
		}

	}

	/**
	 * A workflow running its steps: it writes as itself, where its creator may write
	 * (anywhere when an administrator made it in the console).
	 */
	record Workflow(long id, String name, long creatorId, boolean administrative) implements Actor {
	}

	static Member member(SignedInMember member) {
		return new Member(member.id(), member.name());
	}

	static Administrator administrator(SignedInMember member) {
		return new Administrator(member.id(), member.name(), member.permissions());
	}

	static Page page(IntegrationPrincipal integration) {
		return new Page(integration.id(), integration.pageId(), integration.name(), integration.permissions(),
				integration.groupAccess());
	}

}
