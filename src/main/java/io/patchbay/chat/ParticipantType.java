package io.patchbay.chat;

import java.util.Locale;

/**
 * Who speaks in a thread: a member, a bot (an integration's page), or a workflow posting
 * its steps' messages (a sender only, never a participant).
 */
public enum ParticipantType {

	MEMBER, BOT, WORKFLOW;

	/** The name the APIs use: {@code member}, {@code bot}, {@code workflow}. */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
