package io.patchbay.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One run of a workflow, queued, running or finished, with each step's result so far.
 *
 * @param trigger what started it: {@code webhook}, {@code shortcut},
 * {@code member_joined} or {@code test}
 * @param variables the values it runs with, as given (a member's resolved to their id)
 */
public record Run(long id, long workflowId, String trigger, Map<String, String> variables, Status status,
		List<StepResult> steps, @Nullable String error, Instant queuedAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt) {

	public static final String WEBHOOK = "webhook";

	public static final String TEST = "test";

	public static final String SHORTCUT = "shortcut";

	public static final String MEMBER_JOINED = "member_joined";

	/** Where a run is. */
	public enum Status {

		QUEUED, RUNNING, SUCCEEDED, FAILED;

		public String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		public boolean finished() {
			return this == SUCCEEDED || this == FAILED;
		}

	}

	public Run {
		variables = Map.copyOf(variables);
		steps = List.copyOf(steps);
	}

	/** From queued to finished, once finished. */
	public @Nullable Duration duration() {
		return (this.finishedAt != null) ? Duration.between(this.queuedAt, this.finishedAt) : null;
	}

}
