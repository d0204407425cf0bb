package io.patchbay.integrations;

import java.util.List;

/**
 * Where an integration's calls may come from, and whether they must carry an
 * {@code appsecret_proof}.
 *
 * @param allowedIps addresses and CIDR blocks in normal form; empty allows any address
 * @param requireAppSecretProof whether every call must be signed with the app secret
 */
public record SecuritySettings(List<String> allowedIps, boolean requireAppSecretProof) {

	public static final SecuritySettings OPEN = new SecuritySettings(List.of(), false);

	public SecuritySettings {
		allowedIps = List.copyOf(allowedIps);
	}

}
