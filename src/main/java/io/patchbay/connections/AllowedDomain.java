package io.patchbay.connections;

import java.util.Locale;
import java.util.regex.Pattern;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The only host (or, with a leading {@code *.}, domain) a connection's credentials are
 * sent to. A wildcard covers the bare domain and every subdomain, and may not sit
 * directly on a public suffix (Guava's copy of the Public Suffix List, private section
 * included), or {@code *.myshopify.com} would hand one shop's key to every other shop.
 */
record AllowedDomain(String value) {

	static final String FIELD = "allowedDomain";

	private static final int MAX_LENGTH = 128;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	static AllowedDomain parse(@Nullable String given) {
		if (given == null || given.isBlank()) {
			throw new InvalidInputException(FIELD, "allowedDomain is required");
		}
		String value = given.strip().toLowerCase(Locale.ROOT);
		if (value.length() > MAX_LENGTH) {
			throw new InvalidInputException(FIELD, "allowedDomain must be at most 128 characters");
		}
		boolean wildcard = value.startsWith("*.");
		String domain = wildcard ? value.substring(2) : value;
		if (domain.contains("*")) {
			throw new InvalidInputException(FIELD,
					"A wildcard is only allowed as a leading '*.' (as in *.example.com)");
		}
		if (InetAddresses.isUriInetAddress(domain) || InetAddresses.isInetAddress(domain)) {
			throw new InvalidInputException(FIELD, "allowedDomain must be a host name, not an IP address");
		}
		String[] labels = domain.split("\\.", -1);
		for (String label : labels) {
			if (label.length() > 63) {
				throw new InvalidInputException(FIELD, "Each label of allowedDomain must be at most 63 characters");
			}
			if (!LABEL.matcher(label).matches()) {
				throw new InvalidInputException(FIELD, "allowedDomain must be a valid host name: letters, digits and "
						+ "hyphens in dot-separated labels, no label empty or starting or ending with a hyphen");
			}
		}
		if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
			throw new InvalidInputException(FIELD, "allowedDomain must be a host name, not an IP address");
		}
		// Before the count of labels, so that *.com learns why it is refused.
		if (wildcard && InternetDomainName.from(domain).isPublicSuffix()) {
			throw new InvalidInputException(FIELD,
					"A wildcard cannot sit on a public suffix (" + domain + "): name a domain registered under it");
		}
		if (labels.length < 2) {
			throw new InvalidInputException(FIELD, "allowedDomain must have at least two labels (as in example.com)");
		}
		return new AllowedDomain(value);
	}

	boolean wildcard() {
		return this.value.startsWith("*.");
	}

	/** Whether a call to {@code host} may carry the credentials. */
	boolean covers(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (!wildcard()) {
			return name.equals(this.value);
		}
		String domain = this.value.substring(2);
		return name.equals(domain) || name.endsWith("." + domain);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
