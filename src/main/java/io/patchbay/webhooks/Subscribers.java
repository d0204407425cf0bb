package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationChanged;
import io.patchbay.integrations.Integrations;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Component;

/**
 * Who receives which topic, cached: raising an event costs no query to find its
 * subscribers. Any change of a subscription or an integration on this node drops the
 * cache at once; other nodes of a cluster reload it within
 * {@code patchbay.webhooks.subscriber-cache-ttl} (default 5 s).
 */
@Component
class Subscribers {

	private record Snapshot(Map<Topic, List<Subscriber>> byTopic, Map<Key, Subscriber> byIntegration,
			Instant loadedAt) {
	}

	private record Key(long integrationId, Topic topic) {
	}

	private volatile Optional<Snapshot> snapshot = Optional.empty();

	private final AtomicLong generation = new AtomicLong();

	private final Subscriptions subscriptions;

	private final Integrations integrations;

	private final Duration ttl;

	private final Clock clock;

	Subscribers(Subscriptions subscriptions, Integrations integrations, WebhookProperties properties, Clock clock) {
		this.subscriptions = subscriptions;
		this.integrations = integrations;
		this.ttl = properties.subscriberCacheTtl();
		this.clock = clock;
	}

	/** The subscribers of a topic that may receive the field now. */
	List<Subscriber> of(Topic topic, String field) {
		return current().byTopic()
			.getOrDefault(topic, List.of())
			.stream()
			.filter((subscriber) -> subscriber.receives(field))
			.toList();
	}

	/** The active subscriber of an integration to a topic, if any. */
	Optional<Subscriber> find(long integrationId, Topic topic) {
		return Optional.ofNullable(current().byIntegration().get(new Key(integrationId, topic)));
	}

	/**
	 * Drops the cache now and again once the change's transaction ends: a reload that
	 * read the database before the commit must not survive it.
	 */
	@EventListener({ SubscriptionsChanged.class, IntegrationChanged.class })
	void forget() {
		invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					invalidate();
				}
			});
		}
	}

	private void invalidate() {
		this.generation.incrementAndGet();
		this.snapshot = Optional.empty();
	}

	private Snapshot current() {
		Instant now = this.clock.instant();
		return this.snapshot.filter((cached) -> cached.loadedAt().plus(this.ttl).isAfter(now))
			.orElseGet(() -> load(now));
	}

	private Snapshot load(Instant now) {
		long loading = this.generation.get();
		Map<Long, Integration> integrations = this.integrations.all()
			.stream()
			.collect(Collectors.toMap(Integration::id, (integration) -> integration));
		Map<Topic, List<Subscriber>> byTopic = new EnumMap<>(Topic.class);
		Map<Key, Subscriber> byIntegration = new HashMap<>();
		for (Subscription subscription : this.subscriptions.allActive()) {
			Integration integration = integrations.get(subscription.integrationId());
			if (integration != null) {
				Subscriber subscriber = new Subscriber(subscription, integration);
				byTopic.computeIfAbsent(subscription.topic(), (topic) -> new ArrayList<>()).add(subscriber);
				byIntegration.put(new Key(integration.id(), subscription.topic()), subscriber);
			}
		}
		Snapshot loaded = new Snapshot(byTopic, byIntegration, now);
		if (this.generation.get() == loading) {
			// Kept only if nothing changed while it was read.
			this.snapshot = Optional.of(loaded);
		}
		return loaded;
	}

}
