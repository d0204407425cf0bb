/**
 * The member API of chat (bots, threads, messages, postbacks, receipts) and the members'
 * live event stream.
 */
@NullMarked
package io.patchbay.chat.web;

import org.jspecify.annotations.NullMarked;
