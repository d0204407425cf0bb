package io.patchbay.chat;

/**
 * A member or a bot in a thread, or the sender of a message, with the name it had when it
 * joined or wrote.
 *
 * @param id the member's id, or the bot's page id, or the workflow's id
 */
public record Participant(long id, ParticipantType type, String name) {

	public boolean isMember() {
		return this.type == ParticipantType.MEMBER;
	}

	public boolean isBot() {
		return this.type == ParticipantType.BOT;
	}

}
