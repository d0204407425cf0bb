package io.patchbay.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which addresses outbound calls may reach. In production mode loopback, private,
 * link-local, multicast and other special-purpose addresses are refused unless
 * allow-listed ({@code PATCHBAY_OUTBOUND_ALLOWED_CIDRS}). The check runs in the HTTP
 * client's DNS resolver, on the addresses it then connects to, so a name that resolves
 * differently later (DNS rebinding) cannot slip through.
 */
class AddressPolicy implements DnsResolver {

	private static final List<IpAddressMatcher> SPECIAL = List
		.of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24",
				"203.0.113.0/24", "240.0.0.0/4", "fc00::/7", "2001:db8::/32", "64:ff9b::/96")
		.stream()
		.map(IpAddressMatcher::new)
		.toList();

	private final boolean restricted;

	private final List<IpAddressMatcher> allowed;

	AddressPolicy(boolean restricted, List<String> allowedCidrs) {
		this.restricted = restricted;
		this.allowed = allowedCidrs.stream()
			.map(String::strip)
			.filter((cidr) -> !cidr.isEmpty())
			.map(IpAddressMatcher::new)
			.toList();
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
		InetAddress[] permitted = Arrays.stream(addresses).filter(this::permits).toArray(InetAddress[]::new);
		if (permitted.length == 0) {
			throw new UnknownHostException(
					host + " resolves only to private or special-purpose addresses, which production mode refuses");
		}
		return permitted;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
	}

	boolean permits(InetAddress address) {
		String literal = address.getHostAddress();
		int scope = literal.indexOf('%');
		String host = (scope < 0) ? literal : literal.substring(0, scope);
		if (!this.restricted || this.allowed.stream().anyMatch((matcher) -> matcher.matches(host))) {
			return true;
		}
		boolean special = address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()
				|| SPECIAL.stream().anyMatch((matcher) -> matcher.matches(host));
		if (address instanceof Inet6Address v6 && isMappedOrCompatible(v6)) {
			return false;
		}
		return !special && (address instanceof Inet4Address || address instanceof Inet6Address);
	}

	/**
	 * IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) would reach an IPv4 address unchecked.
	 */
	private static boolean isMappedOrCompatible(Inet6Address address) {
		byte[] bytes = address.getAddress();
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
	}

}
