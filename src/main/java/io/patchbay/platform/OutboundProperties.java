package io.patchbay.platform;

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
 */
@ConfigurationProperties("patchbay.outbound")
public record OutboundProperties(@DefaultValue List<String> allowedCidrs, @DefaultValue("16") int maxPerHost,
		@DefaultValue("512") int maxTotal) {

}
