package io.patchbay.integrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resolves access tokens to their integration for every Graph and SCIM call. Resolved
 * principals are cached by token hash, so a call costs a hash and a map lookup; any
 * change to an integration on this node evicts it at once (and again after its
 * transaction commits, so no reader re-caches the old state). Other nodes of a cluster
 * see a change within {@code patchbay.integrations.token-cache-ttl} (default 10 s).
 */
@Service
public class AccessTokens {

	private record Cached(IntegrationPrincipal principal, Instant loadedAt) {
	}

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/** Bumped by every change, so that a read racing with a change is not cached. */
	private final AtomicLong generation = new AtomicLong();

	private final IntegrationSecrets secrets;

	private final IntegrationRepository repository;

	private final Clock clock;

	private final Duration ttl;

	AccessTokens(IntegrationSecrets secrets, IntegrationRepository repository, Clock clock,
			IntegrationProperties properties) {
		this.secrets = secrets;
		this.repository = repository;
		this.clock = clock;
		this.ttl = properties.tokenCacheTtl();
	}

	/**
	 * The integration a live token belongs to, enabled or not; empty for unknown tokens.
	 */
	public Optional<IntegrationPrincipal> resolve(String token) {
		if (!token.startsWith(IntegrationSecrets.TOKEN_PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		String hash = IntegrationSecrets.hash(token);
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(hash);
		if (cached != null && cached.loadedAt().plus(this.ttl).isAfter(now)) {
			return Optional.of(cached.principal());
		}
		long loading = this.generation.get();
		Optional<IntegrationPrincipal> principal = this.secrets.integrationOfHash(hash)
			.flatMap(this.repository::findById)
			.map(this::principal);
		if (principal.isPresent() && this.generation.get() == loading) {
			// Cached only if no integration changed while it was read.
			this.cache.put(hash, new Cached(principal.get(), now));
		}
		if (principal.isEmpty()) {
			this.cache.remove(hash);
		}
		return principal;
	}

	/**
	 * Forgets what is cached for a changed integration, now and once the change commits.
	 */
	@EventListener
	void evict(IntegrationChanged changed) {
		long integrationId = changed.integrationId();
		this.generation.incrementAndGet();
		this.cache.values().removeIf((cached) -> cached.principal().id() == integrationId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					AccessTokens.this.generation.incrementAndGet();
					AccessTokens.this.cache.values().removeIf((cached) -> cached.principal().id() == integrationId);
				}
			});
		}
	}

	private IntegrationPrincipal principal(Integration integration) {
		return new IntegrationPrincipal(integration.id(), integration.pageId(), integration.kind(), integration.name(),
				integration.enabled(), integration.permissions(), integration.groupAccess(),
				integration.security().allowedIps().stream().map(IpAddressMatcher::new).toList(),
				integration.security().requireAppSecretProof(), integration.security().requireAppSecretTime(),
				this.secrets.appSecret(integration.id()), integration.hasLogo());
	}

}
