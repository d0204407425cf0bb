package io.patchbay.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ids stay unique across nodes ({@code patchbay.ids.*}).
 *
 * @param lease how long a node holds its node number without renewing it; it renews every
 * quarter of that, and stops issuing ids if it could not renew in time
 */
@ConfigurationProperties("patchbay.ids")
public record IdProperties(@DefaultValue("60s") Duration lease) {

}
