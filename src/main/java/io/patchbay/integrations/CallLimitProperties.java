package io.patchbay.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Graph API's call allowance ({@code patchbay.graph.*}), which SCIM calls share: one
 * integration, one allowance, whichever API it calls.
 *
 * @param rateLimitPerHour calls per integration per rolling hour
 * ({@code PATCHBAY_GRAPH_RATE_LIMIT_PER_HOUR})
 */
@ConfigurationProperties("patchbay.graph")
record CallLimitProperties(@DefaultValue("20000") long rateLimitPerHour) {

}
