package io.patchbay.integrations;

import java.net.InetAddress;

import com.google.common.net.InetAddresses;
import io.patchbay.platform.InvalidInputException;

/**
 * Validates and normalises allowed server addresses: a literal IPv4 or IPv6 address, or a
 * CIDR block. Literals only: a host name would make every check a DNS lookup.
 */
final class AddressBlocks {

	private AddressBlocks() {
	}

	static String normalize(String entry) {
		String value = entry.strip();
		int slash = value.indexOf('/');
		String address = (slash < 0) ? value : value.substring(0, slash);
		if (!InetAddresses.isInetAddress(address)) {
			throw invalid(entry);
		}
		InetAddress parsed = InetAddresses.forString(address);
		int maxPrefix = parsed.getAddress().length * 8;
		if (slash < 0) {
			return InetAddresses.toAddrString(parsed);
		}
		int prefix;
		try {
			prefix = Integer.parseInt(value.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw invalid(entry);
		}
		if (prefix < 0 || prefix > maxPrefix) {
			throw invalid(entry);
		}
		return InetAddresses.toAddrString(parsed) + "/" + prefix;
	}

	private static InvalidInputException invalid(String entry) {
		return new InvalidInputException("allowedIps",
				"'" + entry + "' is not an IPv4 or IPv6 address or CIDR block (such as 203.0.113.0/24)");
	}

}
