package io.patchbay.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat settings ({@code patchbay.chat.*}).
 *
 * @param botCacheTtl how long a node keeps the list of bots; other nodes see a change to
 * a bot within this
 * @param streamTimeout how long an event stream stays open before the client reconnects
 * (with {@code Last-Event-ID}, missing nothing)
 * @param streamKeepAlive how often an idle event stream gets a comment line
 * @param streamsPerMember how many event streams one member may hold open; opening one
 * more closes their oldest
 * @param pollInterval how often a node looks for events written by other nodes, for its
 * open streams
 * @param eventRetention how long the event log keeps what streams replay after a
 * reconnection
 * @param typingTimeout how long a typing indicator shows without a new one
 */
@ConfigurationProperties("patchbay.chat")
public record ChatProperties(@DefaultValue("5s") Duration botCacheTtl, @DefaultValue("1h") Duration streamTimeout,
		@DefaultValue("15s") Duration streamKeepAlive, @DefaultValue("8") int streamsPerMember,
		@DefaultValue("250ms") Duration pollInterval, @DefaultValue("1d") Duration eventRetention,
		@DefaultValue("20s") Duration typingTimeout) {

}
