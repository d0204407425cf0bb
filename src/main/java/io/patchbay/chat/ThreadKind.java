package io.patchbay.chat;

/**
 * A one-to-one thread (two members, or a member and a bot), or a named group chat of 2 to
 * 250 members and bots, which workflows also use as their channels.
 */
public enum ThreadKind {

	DIRECT, GROUP

}
