package io.patchbay.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.google.common.net.InetAddresses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a request really comes from: the socket's peer, or, when that peer is one
 * of the operator's trusted proxies ({@code PATCHBAY_TRUSTED_PROXIES}), the nearest
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy. Every line of
 * that header counts, in order, as one list (proxies may add a line rather than extend
 * one). Without trusted proxies the header is ignored, so a client cannot choose its own
 * address. Spring Boot's own forwarded-header handling is off
 * ({@code server.forward-headers-strategy=none}), so this is the only reading.
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
		List<String> hops = new ArrayList<>();
		for (String line : Collections.list(request.getHeaders("X-Forwarded-For"))) {
			hops.addAll(Arrays.asList(line.split(",")));
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i).strip();
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
