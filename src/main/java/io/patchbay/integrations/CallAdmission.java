package io.patchbay.integrations;

import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The checks every integration call passes before it reaches an endpoint, whichever API
 * it calls (the Graph API, SCIM), in the spec's order: token present, token live,
 * integration enabled, caller address allowed, {@code appsecret_proof} present when
 * required, {@code appsecret_time} present when required, the proof valid when given,
 * rate limit. Every identified call counts in the integration's usage. Each API turns a
 * {@link Refusal} into its own error format. Nothing here touches the database on the hot
 * path: the principal comes from {@link AccessTokens}' cache and usage is counted in
 * memory.
 */
@Component
public class CallAdmission {

	private final AccessTokens tokens;

	private final IntegrationUsage usage;

	private final RateLimits rateLimits;

	private final Clock clock;

	CallAdmission(AccessTokens tokens, IntegrationUsage usage, RateLimits rateLimits, Clock clock) {
		this.tokens = tokens;
		this.usage = usage;
		this.rateLimits = rateLimits;
		this.clock = clock;
	}

	/**
	 * Checks one call.
	 * @param token the access token sent, if any
	 * @param address the caller's address, resolved through the trusted proxies
	 * @param proof the {@code appsecret_proof} sent, if any
	 * @param time the {@code appsecret_time} sent, if any
	 */
	public Admission admit(@Nullable String token, String address, @Nullable String proof, @Nullable String time) {
		if (token == null || token.isBlank()) {
			return new Admission(null, Refusal.MISSING_TOKEN);
		}
		IntegrationPrincipal integration = this.tokens.resolve(token.strip()).orElse(null);
		if (integration == null) {
			return new Admission(null, Refusal.INVALID_TOKEN);
		}
		this.usage.record(integration.id());
		if (!integration.enabled()) {
			return new Admission(integration, Refusal.DISABLED);
		}
		if (!integration.allowsAddress(address)) {
			return new Admission(integration, Refusal.ADDRESS_NOT_ALLOWED);
		}
		Refusal proofRefusal = checkProof(integration, token.strip(), proof, time);
		if (proofRefusal != null) {
			return new Admission(integration, proofRefusal);
		}
		if (!this.rateLimits.tryCall(integration.id())) {
			return new Admission(integration, Refusal.RATE_LIMITED);
		}
		return new Admission(integration, null);
	}

	/** The percentage of the integration's hourly allowance in use. */
	public int percentUsed(long integrationId) {
		return this.rateLimits.percentUsed(integrationId);
	}

	private @Nullable Refusal checkProof(IntegrationPrincipal integration, String token, @Nullable String proof,
			@Nullable String time) {
		if (proof == null) {
			return integration.requireAppSecretProof() ? Refusal.PROOF_MISSING : null;
		}
		String signedTime = (time != null && time.isBlank()) ? null : time;
		if (signedTime == null && integration.requireAppSecretTime()) {
			return Refusal.TIME_MISSING;
		}
		return AppSecretProof.valid(proof, token, integration.appSecret(), signedTime, this.clock.instant()) ? null
				: Refusal.PROOF_INVALID;
	}

	/**
	 * The outcome of the checks: the integration behind the token when there is one, and
	 * why the call is refused, if it is.
	 */
	public record Admission(@Nullable IntegrationPrincipal integration, @Nullable Refusal refusal) {

		public boolean admitted() {
			return this.refusal == null;
		}

	}

	/** Why a call is refused, in the order the checks run. */
	public enum Refusal {

		MISSING_TOKEN, INVALID_TOKEN, DISABLED, ADDRESS_NOT_ALLOWED, PROOF_MISSING, TIME_MISSING, PROOF_INVALID,
		RATE_LIMITED

	}

}
