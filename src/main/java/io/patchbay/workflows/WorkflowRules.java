package io.patchbay.workflows;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.NotFoundException;

/**
 * Who may see and change which workflow:
 * <ul>
 * <li>a member builds workflows unless an administrator turned that off, and sees and
 * edits those they made or collaborate on; only the creator deletes one or changes its
 * collaborators;</li>
 * <li>an administrator holding {@code manage_workflows} sees and manages all;</li>
 * <li>nobody else sees any.</li>
 * </ul>
 * A workflow the caller may not see does not exist for it.
 */
final class WorkflowRules {

	private WorkflowRules() {
	}

	static void mayBuild(Actor actor, BuildingSettings settings) {
		switch (actor) {
			case Actor.Member member -> {
				if (!settings.membersMayBuild()) {
					throw new AccessRefusedException("Only administrators build workflows here");
				}
			}
			case Actor.Administrator administrator -> manage(administrator);
			default -> throw new AccessRefusedException("Workflows are built by members and administrators");
		}
	}

	/** The workflow, if the caller may see it (and so edit, test and publish it). */
	static Workflow edit(Actor actor, Workflow workflow) {
		boolean allowed = switch (actor) {
			case Actor.Member member ->
				workflow.creatorId() == member.id() || workflow.collaboratorIds().contains(member.id());
			case Actor.Administrator administrator -> {
				manage(administrator);
				yield true;
			}
			default -> false;
		};
		if (!allowed) {
			throw notFound(workflow.id());
		}
		return workflow;
	}

	/** Deleting, and choosing collaborators: the creator or an administrator. */
	static void own(Actor actor, Workflow workflow) {
		edit(actor, workflow);
		if (actor instanceof Actor.Member member && workflow.creatorId() != member.id()) {
			throw new AccessRefusedException("Only the workflow's creator deletes it or changes its collaborators");
		}
	}

	static void manage(Actor.Administrator administrator) {
		if (!administrator.holds(AdminPermission.MANAGE_WORKFLOWS)) {
			throw new AccessRefusedException("Managing workflows needs the manage_workflows permission");
		}
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("Workflow", String.valueOf(id));
	}

}
