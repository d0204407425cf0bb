package io.patchbay.accounts;

import java.util.EnumSet;
import java.util.Set;

import io.patchbay.integrations.MissingPermissionException;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.ConflictException;

/**
 * Who may manage which account, so that holding {@code manage_accounts} does not lead to
 * more. An administrator's account (a member holding any admin permission) is managed
 * only by an administrator holding every admin permission: otherwise one could take over
 * or lock out the administrators who hold what they do not. Nobody grants a permission
 * they do not hold, nor changes their own, so the last full administrator cannot lock
 * everyone out by mistake either. An identity provider (an integration holding
 * {@code manage_accounts}, through SCIM) provisions every other account fully, but of an
 * administrator's account only the work profile: moving an administrator's email (the
 * single sign-on match) or deactivating them stays with a full administrator.
 */
final class AdministratorRules {

	private AdministratorRules() {
	}

	/** Profile and email changes, deactivation, reactivation. */
	static void mayManage(Actor actor, MemberProfile target) {
		switch (actor) {
			case Actor.Administrator administrator -> {
				mayManageAccounts(administrator);
				if (target.isAdministrator() && !administrator.holdsAll()) {
					throw new AccessRefusedException(
							"Only an administrator holding every admin permission may manage an administrator's account");
				}
			}
			// An HR sync keeps work profiles current, administrators' included; the
			// Graph API sets no email, so no sign-in name changes this way.
			case Actor.Page page when page.holds(Permission.MANAGE_WORK_PROFILES)
					|| page.holds(Permission.MANAGE_ACCOUNTS) ->
				{
				}
			case Actor.Page page -> throw new MissingPermissionException(Permission.MANAGE_WORK_PROFILES);
			default -> throw new AccessRefusedException("Only administrators manage member accounts");
		}
	}

	static void mayCreate(Actor actor) {
		switch (actor) {
			case Actor.Administrator administrator -> mayManageAccounts(administrator);
			case Actor.Page page when page.holds(Permission.MANAGE_ACCOUNTS) -> {
			}
			case Actor.Page page -> throw new MissingPermissionException(Permission.MANAGE_ACCOUNTS);
			default -> throw new AccessRefusedException("Only administrators manage member accounts");
		}
	}

	/**
	 * What sign-in depends on: the email and external id (the single sign-on match) and
	 * the active flag.
	 */
	static void mayChangeSignIn(Actor actor, MemberProfile target) {
		switch (actor) {
			case Actor.Administrator administrator -> {
				mayManageAccounts(administrator);
				mayManage(administrator, target);
			}
			case Actor.Page page when !page.holds(Permission.MANAGE_ACCOUNTS) ->
				throw new MissingPermissionException(Permission.MANAGE_ACCOUNTS);
			case Actor.Page page when target.isAdministrator() -> throw new AccessRefusedException(
					"An administrator's sign-in and active state are managed by a full administrator in the console");
			case Actor.Page page -> {
			}
			default -> throw new AccessRefusedException("Only administrators manage member accounts");
		}
	}

	/**
	 * A claimed account's email and external id are what single sign-on matches: moving
	 * them would hand the account to another identity, so only a full administrator (or
	 * the identity provider itself, through SCIM) does it.
	 */
	static void mayMoveSignIn(Actor actor, MemberProfile target) {
		mayChangeSignIn(actor, target);
		if (actor instanceof Actor.Administrator administrator && target.claimed() && !administrator.holdsAll()) {
			throw new AccessRefusedException("Only an administrator holding every admin permission may change the "
					+ "email or external id of an account that is in use");
		}
	}

	static void mayDeactivate(Actor actor, MemberProfile target) {
		if (actor instanceof Actor.Administrator administrator && administrator.id() == target.id()) {
			mayManageAccounts(administrator);
			throw new ConflictException("id", "You cannot deactivate your own account");
		}
		mayChangeSignIn(actor, target);
	}

	/**
	 * A new invitation link sets a new password: only for an account nobody has claimed,
	 * or it would take the account over.
	 */
	static void mayInvite(Actor.Administrator actor, MemberProfile target) {
		mayManage(actor, target);
		if (target.claimed()) {
			throw new ConflictException("id",
					"An invitation can only be issued for an account that has not been claimed yet");
		}
		if (!target.active() || target.email() == null) {
			throw new ConflictException("id", "Only an active member with an email address can be invited");
		}
	}

	static void mayChangePermissions(Actor.Administrator actor, MemberProfile target, Set<AdminPermission> next) {
		mayManageAccounts(actor);
		if (actor.id() == target.id()) {
			throw new ConflictException("id",
					"You cannot change your own admin permissions: another full administrator must do it");
		}
		mayManage(actor, target);
		Set<AdminPermission> granted = EnumSet.noneOf(AdminPermission.class);
		granted.addAll(next);
		granted.removeAll(target.permissions());
		granted.removeAll(actor.permissions());
		if (!granted.isEmpty()) {
			throw new AccessRefusedException("You cannot grant permissions you do not hold: "
					+ granted.stream().map(AdminPermission::authority).toList());
		}
	}

	private static void mayManageAccounts(Actor.Administrator actor) {
		if (!actor.holds(AdminPermission.MANAGE_ACCOUNTS)) {
			throw new AccessRefusedException("Managing accounts needs the manage_accounts permission");
		}
	}

}
