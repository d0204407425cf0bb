package io.patchbay.graph;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Graph API settings ({@code patchbay.graph.*}).
 *
 * @param rateLimitPerHour calls per integration per rolling hour
 * ({@code PATCHBAY_GRAPH_RATE_LIMIT_PER_HOUR})
 */
@ConfigurationProperties("patchbay.graph")
record GraphProperties(@DefaultValue("20000") long rateLimitPerHour) {

}
