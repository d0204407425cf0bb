package io.patchbay.integrations;

import java.util.List;
import java.util.Set;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * What the Graph API and SCIM need to know about the integration behind an access token,
 * resolved once and cached: checking a call costs no database query.
 *
 * @param requireAppSecretTime whether the proof must sign {@code appsecret_time} too
 * @param appSecret the HMAC key of {@code appsecret_proof}; never rendered anywhere
 */
public record IntegrationPrincipal(long id, long pageId, IntegrationKind kind, String name, boolean enabled,
		Set<Permission> permissions, GroupAccess groupAccess, List<IpAddressMatcher> allowedIps,
		boolean requireAppSecretProof, boolean requireAppSecretTime, String appSecret, boolean hasLogo) {

	public boolean holds(Permission permission) {
		return this.permissions.contains(permission);
	}

	/** Whether a call from this address is allowed; no allowed addresses means any. */
	public boolean allowsAddress(String address) {
		return this.allowedIps.isEmpty() || this.allowedIps.stream().anyMatch((matcher) -> matcher.matches(address));
	}

	@Override
	public String toString() {
		return "IntegrationPrincipal[id=" + this.id + ", name=" + this.name + "]";
	}

}
