package io.patchbay.workflows;

import java.time.Instant;
import java.util.List;

import io.patchbay.accounts.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A workflow: its definition, who made it and who may edit it, and whether its webhook
 * URL starts runs ({@link Status#PUBLISHED}).
 *
 * @param administrative made by an administrator (console or admin API): its steps may
 * target any channel or group
 * @param version grows with each change, so that a node's parsed copy can tell it is
 * stale
 */
public record Workflow(long id, String name, @Nullable String description, long creatorId, boolean administrative,
		Status status, Definition definition, List<Long> collaboratorIds, long version, Instant createdAt,
		Instant updatedAt, @Nullable Instant publishedAt) {

	/** Draft (only Test runs it) or published (its URL starts runs). */
	public enum Status {

		DRAFT, PUBLISHED;

		public String apiName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public Workflow {
		collaboratorIds = List.copyOf(collaboratorIds);
	}

	/** The caller its steps run as. */
	public Actor.Workflow actor() {
		return new Actor.Workflow(this.id, this.name, this.creatorId, this.administrative);
	}

	public boolean published() {
		return this.status == Status.PUBLISHED;
	}

}
