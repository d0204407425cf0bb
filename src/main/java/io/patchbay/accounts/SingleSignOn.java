package io.patchbay.accounts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PatchbayProperties;
import io.patchbay.platform.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on (seed 001, "Authentification"): members sign in through the company's
 * OpenID Connect provider, configured here by a full administrator (the provider decides
 * who is who, so configuring it is as strong as holding every account). Passwords can be
 * turned off for everyone but the bootstrap administrator.
 */
@Service
@Transactional
public class SingleSignOn {

	/**
	 * The registration id in Spring Security's URLs: {@code /oauth2/authorization/sso}.
	 */
	public static final String REGISTRATION = "sso";

	private static final Duration PASSWORD_RULE_TTL = Duration.ofSeconds(5);

	private final SingleSignOnRepository rows;

	private final SecretBox box;

	private final AuditLog audit;

	private final PatchbayProperties properties;

	private final Clock clock;

	/** The provider's registration, discovered once per saved version of the settings. */
	private final AtomicReference<@Nullable Discovered> discovered = new AtomicReference<>();

	private record Discovered(Instant version, ClientRegistration registration) {
	}

	/**
	 * Whether passwords are accepted, read at most every few seconds: a remembered HTTP
	 * Basic check asks on every call. Other nodes see a change within that time.
	 */
	private volatile @Nullable PasswordRule passwordRule;

	private record PasswordRule(boolean allowed, Instant readAt) {
	}

	SingleSignOn(SingleSignOnRepository rows, SecretBox box, AuditLog audit, PatchbayProperties properties,
			Clock clock) {
		this.rows = rows;
		this.box = box;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SingleSignOnSettings settings() {
		return this.rows.find()
			.map((row) -> new SingleSignOnSettings(row.enabled(), row.issuerUrl(), row.clientId(), true,
					row.passwordSignIn(), row.updatedAt()))
			.orElse(SingleSignOnSettings.NONE);
	}

	/**
	 * Saves the provider. The issuer must publish its OpenID configuration, checked now
	 * so that a typo is seen here rather than at the next sign-in. A blank secret keeps
	 * the one kept.
	 */
	public SingleSignOnSettings configure(Actor.Administrator actor, String issuerUrl, String clientId,
			@Nullable String clientSecret, boolean enabled, boolean passwordSignIn) {
		if (!actor.holdsAll()) {
			throw new AccessRefusedException(
					"Only an administrator holding every admin permission configures single sign-on");
		}
		String issuer = checkIssuer(issuerUrl);
		String client = clientId.strip();
		if (client.isEmpty() || client.length() > 200) {
			throw new InvalidInputException("clientId", "clientId is required (at most 200 characters)");
		}
		Optional<SingleSignOnRepository.Row> current = this.rows.find();
		String sealed;
		if (clientSecret != null && !clientSecret.isBlank()) {
			sealed = this.box.encrypt(clientSecret.strip(), SingleSignOnRepository.SECRET_CONTEXT + 1);
		}
		else {
			sealed = current.map(SingleSignOnRepository.Row::sealedSecret)
				.orElseThrow(() -> new InvalidInputException("clientSecret", "clientSecret is required"));
		}
		if (enabled) {
			discover(issuer, client, this.box.decrypt(sealed, SingleSignOnRepository.SECRET_CONTEXT + 1));
		}
		else if (!passwordSignIn) {
			throw new InvalidInputException("passwordSignIn",
					"Password sign-in can be turned off only while single sign-on is on");
		}
		Instant now = this.clock.instant();
		this.rows.save(new SingleSignOnRepository.Row(enabled, issuer, client, sealed, passwordSignIn, now));
		this.passwordRule = null;
		this.audit.record("sso.configured", "community", "sso", "Single sign-on", "enabled=" + enabled + " issuer="
				+ issuer + " clientId=" + client + " passwordSignIn=" + passwordSignIn);
		return settings();
	}

	/** The provider's registration while single sign-on is on. */
	@Transactional(readOnly = true)
	public Optional<ClientRegistration> registration() {
		Optional<SingleSignOnRepository.Row> row = this.rows.find().filter(SingleSignOnRepository.Row::enabled);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Discovered known = this.discovered.get();
		if (known != null && known.version().equals(row.get().updatedAt())) {
			return Optional.of(known.registration());
		}
		try {
			ClientRegistration registration = discover(row.get().issuerUrl(), row.get().clientId(),
					this.box.decrypt(row.get().sealedSecret(), SingleSignOnRepository.SECRET_CONTEXT + 1));
			this.discovered.set(new Discovered(row.get().updatedAt(), registration));
			return Optional.of(registration);
		}
		catch (InvalidInputException ex) {
			return Optional.empty();
		}
	}

	/** Whether this email may sign in with a password now. */
	@Transactional(readOnly = true)
	public boolean allowsPassword(String email) {
		if (email.equalsIgnoreCase(this.properties.adminEmail())) {
			return true;
		}
		Instant now = this.clock.instant();
		PasswordRule rule = this.passwordRule;
		if (rule == null || rule.readAt().plus(PASSWORD_RULE_TTL).isBefore(now)) {
			rule = new PasswordRule(this.rows.find().map(SingleSignOnRepository.Row::passwordSignIn).orElse(true), now);
			this.passwordRule = rule;
		}
		return rule.allowed();
	}

	private ClientRegistration discover(String issuer, String clientId, String clientSecret) {
		try {
			return ClientRegistrations.fromOidcIssuerLocation(issuer)
				.registrationId(REGISTRATION)
				.clientId(clientId)
				.clientSecret(clientSecret)
				.scope("openid", "email", "profile")
				.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
				.build();
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException("issuerUrl",
					"No OpenID Connect configuration could be read from " + issuer);
		}
	}

	private String checkIssuer(String issuerUrl) {
		String issuer = issuerUrl.strip();
		URI uri;
		try {
			uri = URI.create(issuer);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("issuerUrl", "issuerUrl must be a URL");
		}
		boolean https = "https".equals(uri.getScheme());
		boolean devHttp = "http".equals(uri.getScheme()) && !this.properties.production();
		if (uri.getHost() == null || !(https || devHttp) || issuer.length() > 500) {
			throw new InvalidInputException("issuerUrl",
					"issuerUrl must be an https URL (http is accepted in dev mode only)");
		}
		return issuer;
	}

}
