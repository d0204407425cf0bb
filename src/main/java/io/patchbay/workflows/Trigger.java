package io.patchbay.workflows;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What starts a workflow: an HTTP POST of the declared variables to its secret URL
 * ({@code webhook}), a member choosing it in a channel's menu ({@code shortcut}), or a
 * member being added to a channel ({@code member_joined}). The last two name their
 * channel, and give the steps {@code {{member}}} (who started it, or who joined) and
 * {@code {{channel}}}.
 *
 * @param variables what a webhook's sender POSTs; none for the other types
 * @param threadId the channel ({@code t_…}) of a shortcut or a member-joined trigger
 */
public record Trigger(String type, List<Variable> variables, @Nullable String threadId) {

	public static final String WEBHOOK = "webhook";

	public static final String SHORTCUT = "shortcut";

	public static final String MEMBER_JOINED = "member_joined";

	/** What a shortcut or member-joined trigger gives its steps. */
	static final List<Variable> CHANNEL_VARIABLES = List.of(new Variable("member", Variable.Type.MEMBER),
			new Variable("channel", Variable.Type.CHANNEL));

	public Trigger {
		variables = List.copyOf(variables);
	}

	public static Trigger webhook(List<Variable> variables) {
		return new Trigger(WEBHOOK, variables, null);
	}

	public boolean webhook() {
		return WEBHOOK.equals(this.type);
	}

	/** The variables the steps may use: declared ones, or the channel triggers' own. */
	public List<Variable> available() {
		return webhook() ? this.variables : CHANNEL_VARIABLES;
	}

}
