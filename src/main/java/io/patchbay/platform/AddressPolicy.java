package io.patchbay.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.common.net.InetAddresses;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which addresses outbound calls may reach. Link-local and cloud metadata addresses are
 * refused in every mode, whatever the allow-list says: they are where a cloud host keeps
 * its credentials. In production mode loopback, private, multicast and the other
 * special-purpose addresses of the IANA registries are refused too, unless allow-listed
 * ({@code PATCHBAY_OUTBOUND_ALLOWED_CIDRS}). The check runs in the HTTP client's DNS
 * resolver, on the addresses it then connects to, so a name that resolves differently
 * later (DNS rebinding) cannot slip through; an IPv6 address that carries an IPv4 one
 * (mapped, compatible, NAT64, 6to4, Teredo) is checked as that IPv4 address too.
 */
class AddressPolicy implements DnsResolver {

	/**
	 * Refused in every mode: link-local, and the metadata services inside other blocks.
	 */
	private static final List<IpAddressMatcher> NEVER = matchers("169.254.0.0/16", "fe80::/10",
			// AWS's IPv6 metadata service, in the unique-local block dev mode allows
			"fd00:ec2::254/128",
			// Alibaba Cloud's metadata service, in the shared address space
			"100.100.100.200/32");

	/**
	 * Special-purpose blocks (RFC 6890 registries) that Java's own address checks do not
	 * cover.
	 */
	private static final List<IpAddressMatcher> SPECIAL = matchers("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24",
			"192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.175.48.0/24", "198.18.0.0/15",
			"198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64",
			// IETF protocol assignments: Teredo 2001::/32, benchmarking 2001:2::/48,
			// ORCHID 2001:10::/28 and ORCHIDv2 2001:20::/28 among them
			"2001::/23", "2001:db8::/32", "2002::/16", "2620:4f:8000::/48", "3fff::/20", "5f00::/16", "fc00::/7",
			"fec0::/10");

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
			throw new RefusedAddressException(host);
		}
		return permitted;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
	}

	boolean permits(InetAddress address) {
		List<InetAddress> checked = withEmbedded(address);
		if (checked.stream().anyMatch(AddressPolicy::neverReachable)) {
			return false;
		}
		if (!this.restricted || this.allowed.stream().anyMatch((matcher) -> matcher.matches(literal(address)))) {
			return true;
		}
		if (address instanceof Inet6Address v6 && isMappedOrCompatible(v6)) {
			// ::ffff:10.0.0.1 would reach an IPv4 address past the checks below.
			return false;
		}
		return checked.stream().noneMatch(AddressPolicy::special);
	}

	private static boolean neverReachable(InetAddress address) {
		return address.isLinkLocalAddress() || matches(NEVER, address);
	}

	private static boolean special(InetAddress address) {
		return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress() || matches(SPECIAL, address)
				|| !(address instanceof Inet4Address || address instanceof Inet6Address);
	}

	/** The address, and the IPv4 address it carries when it is an IPv6 one that does. */
	private static List<InetAddress> withEmbedded(InetAddress address) {
		List<InetAddress> all = new ArrayList<>(List.of(address));
		if (address instanceof Inet6Address v6) {
			byte[] bytes = v6.getAddress();
			if (isMappedOrCompatible(v6) || isNat64(bytes)) {
				all.add(ipv4(bytes, 12));
			}
			else if (InetAddresses.hasEmbeddedIPv4ClientAddress(v6)) {
				// 6to4 and Teredo
				all.add(InetAddresses.getEmbeddedIPv4ClientAddress(v6));
			}
		}
		return all;
	}

	/** The well-known NAT64 prefix 64:ff9b::/96, which embeds the IPv4 address last. */
	private static boolean isNat64(byte[] bytes) {
		if (bytes[0] != 0 || bytes[1] != 0x64 || bytes[2] != (byte) 0xff || bytes[3] != (byte) 0x9b) {
			return false;
		}
		for (int i = 4; i < 12; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** {@code ::ffff:a.b.c.d} or the deprecated {@code ::a.b.c.d}. */
	private static boolean isMappedOrCompatible(Inet6Address address) {
		byte[] bytes = address.getAddress();
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
	}

	private static Inet4Address ipv4(byte[] bytes, int offset) {
		try {
			return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean matches(List<IpAddressMatcher> matchers, InetAddress address) {
		String literal = literal(address);
		return matchers.stream().anyMatch((matcher) -> matcher.matches(literal));
	}

	/** The address as a literal without its IPv6 scope ({@code %eth0}). */
	private static String literal(InetAddress address) {
		String literal = address.getHostAddress();
		int scope = literal.indexOf('%');
		return (scope < 0) ? literal : literal.substring(0, scope);
	}

	private static List<IpAddressMatcher> matchers(String... cidrs) {
		return Arrays.stream(cidrs).map(IpAddressMatcher::new).toList();
	}

	/** A host whose every address is one that Patchbay does not call. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String host) {
			super(host + " resolves only to addresses that outbound calls may not reach");
		}

	}

}
