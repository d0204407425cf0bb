package io.patchbay.chat;

/**
 * A thread was created, renamed, or its participants changed; workflows with a "member
 * joins a channel" trigger listen to it.
 *
 * @param joined the participants who just joined (empty for a rename)
 */
public record ThreadChanged(ChatThread thread, java.util.List<Participant> joined) {

}
