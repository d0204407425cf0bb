package io.patchbay.connections;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of connections ({@code patchbay.connections.*}); the defaults are the spec's.
 *
 * @param callTimeout how long a call (or a token request) may take, from connecting to
 * the last byte
 * @param maxResponseSize how much of an answer's body is kept; the rest is cut and the
 * answer flagged {@code truncated}
 * @param refreshMargin how long before its expiry an access token is refreshed
 * @param refreshLease how long a node may hold a connection's refresh before another node
 * may take it over (a node that died mid-refresh)
 * @param maxRefreshFailures failed refreshes in a row after which a connection needs
 * re-authorization
 * @param authorizationTimeout how long an authorization-code flow's {@code state} stays
 * valid
 */
@ConfigurationProperties("patchbay.connections")
record ConnectionProperties(@DefaultValue("10s") Duration callTimeout, @DefaultValue("1MB") DataSize maxResponseSize,
		@DefaultValue("5m") Duration refreshMargin, @DefaultValue("30s") Duration refreshLease,
		@DefaultValue("3") int maxRefreshFailures, @DefaultValue("10m") Duration authorizationTimeout) {

}
