package io.patchbay.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the calls leaving Patchbay ({@code patchbay.outbound.*}).
 *
 * @param allowedCidrs private or special-purpose blocks that production mode may still
 * call ({@code PATCHBAY_OUTBOUND_ALLOWED_CIDRS}, comma-separated); link-local and cloud
 * metadata addresses stay refused whatever is listed
 * @param maxPerHost concurrent calls per host, so that one slow receiver cannot hold
 * every connection
 * @param maxTotal concurrent calls in all
 * @param connectTimeout how long connecting may take
 * @param socketTimeout how long a connection may stay silent once connected (the whole
 * call has its own deadline besides)
 * @param connectionTtl how long a pooled connection is kept for reuse
 * @param poolWaitTimeout how long a call waits for a free connection of its host
 */
@ConfigurationProperties("patchbay.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedCidrs, @DefaultValue("16") int maxPerHost,
		@DefaultValue("512") int maxTotal, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration socketTimeout, @DefaultValue("5m") Duration connectionTtl,
		@DefaultValue("30s") Duration poolWaitTimeout) {

}
