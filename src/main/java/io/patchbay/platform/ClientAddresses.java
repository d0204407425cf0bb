package io.patchbay.platform;

import java.util.List;

import com.google.common.net.InetAddresses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request really comes from: the socket's peer, or, when that peer is one
 * of the operator's trusted proxies ({@code PATCHBAY_TRUSTED_PROXIES}), the nearest
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy. Without trusted
 * proxies the header is ignored, so a client cannot choose its own address.
 */
@Component
public class ClientAddresses {

	private final List<IpAddressMatcher> trustedProxies;

	ClientAddresses(PatchbayProperties properties) {
		this.trustedProxies = properties.trustedProxies()
			.stream()
			.map(String::strip)
			.filter((entry) -> !entry.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (this.trustedProxies.isEmpty() || !trusted(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!InetAddresses.isInetAddress(hop)) {
				// Not an address literal: forged or garbled, and matching it would mean
				// DNS.
				return peer;
			}
			if (!trusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean trusted(String address) {
		return this.trustedProxies.stream().anyMatch((matcher) -> matcher.matches(address));
	}

}
