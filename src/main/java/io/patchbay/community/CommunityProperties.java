package io.patchbay.community;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The community's settings ({@code patchbay.community.*}).
 *
 * @param streamTimeout how long a live feed stream stays open before the browser
 * reconnects
 * @param streamKeepAlive how often an idle stream gets a comment line, so that proxies
 * keep it open and gone clients are noticed
 * @param streamsPerMember how many live streams one member may hold open at once (tabs,
 * devices); opening one more closes their oldest
 */
@ConfigurationProperties("patchbay.community")
public record CommunityProperties(@DefaultValue("30m") Duration streamTimeout,
		@DefaultValue("25s") Duration streamKeepAlive, @DefaultValue("8") int streamsPerMember) {

}
