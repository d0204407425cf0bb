package io.patchbay.integrations;

import java.util.List;

/**
 * Where an integration's calls may come from, and what proof they must carry.
 *
 * @param allowedIps addresses and CIDR blocks in normal form; empty allows any address
 * @param requireAppSecretProof whether every call must be signed with the app secret
 * ({@code appsecret_proof})
 * @param requireAppSecretTime whether the proof must also sign the time of the call
 * ({@code appsecret_time}), so that a captured proof expires after 5 minutes; only with
 * {@code requireAppSecretProof}
 */
public record SecuritySettings(List<String> allowedIps, boolean requireAppSecretProof, boolean requireAppSecretTime) {

	public static final SecuritySettings OPEN = new SecuritySettings(List.of(), false, false);

	public SecuritySettings {
		allowedIps = List.copyOf(allowedIps);
	}

}
