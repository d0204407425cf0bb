/**
 * Chat: threads between members and bots (one to one, and named group chats), messages
 * with bot templates and quick replies, postbacks, receipts, typing, bot profiles, and
 * the members' live event streams.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "platform", "integrations", "accounts" })
package io.patchbay.chat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
