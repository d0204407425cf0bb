package io.patchbay.workflows;

import org.jspecify.annotations.Nullable;

/**
 * A webhook trigger turned down, in the trigger's terms: an HTTP status and the
 * {@code {"ok":false,"error":…,"variable":…}} body of {@code workflows.md}. Its message
 * names what was wrong, never a value sent.
 *
 * @param retryAfterSeconds for {@code rate_limited}: when to try again
 */
public class TriggerRefusedException extends RuntimeException {

	private final int status;

	private final String error;

	private final @Nullable String variable;

	private final long retryAfterSeconds;

	TriggerRefusedException(int status, String error, @Nullable String variable, String message,
			long retryAfterSeconds) {
		super(message);
		this.status = status;
		this.error = error;
		this.variable = variable;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static TriggerRefusedException badRequest(String error, @Nullable String variable, String message) {
		return new TriggerRefusedException(400, error, variable, message, 0);
	}

	static TriggerRefusedException notFound() {
		return new TriggerRefusedException(404, "not_found", null, "No published workflow has this URL", 0);
	}

	public int status() {
		return this.status;
	}

	public String error() {
		return this.error;
	}

	public @Nullable String variable() {
		return this.variable;
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
