package io.patchbay.chat;

/**
 * A chip under a bot's message: tapping it sends its title as the member's answer, and
 * its payload to the bot.
 */
public record QuickReply(String title, String payload) {

}
