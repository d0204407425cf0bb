package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The engine's claim, run in one transaction: locks the due deliveries
 * ({@code FOR UPDATE SKIP LOCKED}), leases those it sends to this node, and checks each
 * against the integration's current state (enabled, the subscription active and listing
 * the field, a permission for it held, the group within the group access). What it may no
 * longer receive is abandoned here, unsent, with the reason in the log. Entries waiting
 * for their first attempt are batched per integration and topic; a retried batch drops
 * the entries no longer allowed. The state is the subscriber cache's, so the checks cost
 * no query; one query reads the entries of the retried batches, if any.
 */
@Component
class DeliveryClaims {

	record Claimed(long id, Subscriber subscriber, String webhookId, String body, int attempts) {
	}

	/**
	 * What one claim took: the POSTs to send, and how many rows it locked (first attempts
	 * of one integration and topic travel in one POST, so there are fewer POSTs than
	 * rows).
	 */
	record Claim(List<Claimed> sends, int rows) {

		static final Claim NONE = new Claim(List.of(), 0);

	}

	/** Deliveries given up at the claim, by reason, to be marked in one update each. */
	private record Refusals(Map<String, List<Long>> byReason) {

		Refusals() {
			this(new LinkedHashMap<>());
		}

		void add(String reason, long deliveryId) {
			this.byReason.computeIfAbsent(reason, (key) -> new ArrayList<>()).add(deliveryId);
		}

	}

	private final String node = UUID.randomUUID().toString();

	private final DeliveryRepository deliveries;

	private final Subscribers subscribers;

	private final DeliveryOutcomes outcomes;

	private final WebhookProperties properties;

	private final Clock clock;

	DeliveryClaims(DeliveryRepository deliveries, Subscribers subscribers, DeliveryOutcomes outcomes,
			WebhookProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.subscribers = subscribers;
		this.outcomes = outcomes;
		this.properties = properties;
		this.clock = clock;
	}

	/** Claims what is due; call inside a transaction. */
	Claim claim() {
		Instant now = this.clock.instant();
		List<DeliveryRepository.Due> rows = this.deliveries.lockDue(now, this.properties.batchSize());
		if (rows.isEmpty()) {
			return Claim.NONE;
		}
		Map<Long, List<DeliveryRepository.BatchEntry>> batches = retriedBatches(rows);
		Refusals refusals = new Refusals();
		List<Claimed> claimed = new ArrayList<>();
		Map<Subscriber, List<DeliveryRepository.Due>> firstAttempts = new LinkedHashMap<>();
		// Keyed by the cache's subscriber: one batch per integration and topic.
		for (DeliveryRepository.Due row : rows) {
			Subscriber subscriber = this.subscribers.find(row.integrationId(), row.topic()).orElse(null);
			if (subscriber == null) {
				refusals.add("The subscription is no longer active", row.id());
				continue;
			}
			String sent = row.body();
			if (sent != null) {
				Claimed retry = retry(row, sent, subscriber, batches.getOrDefault(row.id(), List.of()), refusals);
				if (retry != null) {
					claimed.add(retry);
				}
				continue;
			}
			String refusal = subscriber.refusal(row.field(), row.groupId());
			if (refusal != null) {
				refusals.add(refusal, row.id());
			}
			else {
				firstAttempts.computeIfAbsent(subscriber, (key) -> new ArrayList<>()).add(row);
			}
		}
		firstAttempts.forEach((subscriber, batch) -> claimed.add(firstAttempt(subscriber, batch)));
		refusals.byReason().forEach((reason, ids) -> this.outcomes.abandon(ids, reason));
		// Only what is sent is leased: the rest is merged or abandoned above, each row
		// written once (the rows stay locked until the claim commits).
		if (!claimed.isEmpty()) {
			this.deliveries.lease(claimed.stream().map(Claimed::id).toList(), this.node,
					now.plus(this.properties.lease()));
		}
		return new Claim(claimed, rows.size());
	}

	private Map<Long, List<DeliveryRepository.BatchEntry>> retriedBatches(List<DeliveryRepository.Due> rows) {
		List<Long> heads = rows.stream()
			.filter((row) -> row.body() != null && row.entryCount() > 1)
			.map(DeliveryRepository.Due::id)
			.toList();
		if (heads.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<DeliveryRepository.BatchEntry>> batches = new HashMap<>();
		for (DeliveryRepository.BatchEntry entry : this.deliveries.mergedInto(heads)) {
			batches.computeIfAbsent(entry.headId(), (key) -> new ArrayList<>()).add(entry);
		}
		return batches;
	}

	/** The entries waiting for their first attempt, as one POST. */
	private Claimed firstAttempt(Subscriber subscriber, List<DeliveryRepository.Due> batch) {
		DeliveryRepository.Due head = batch.getFirst();
		String body = Envelope.of(head.topic(), batch.stream().map(DeliveryRepository.Due::entry).toList());
		this.deliveries.fixBody(head.id(), body, batch.size());
		if (batch.size() > 1) {
			this.deliveries.merge(head.id(),
					batch.subList(1, batch.size()).stream().map(DeliveryRepository.Due::id).toList());
		}
		return new Claimed(head.id(), subscriber, head.webhookId(), body, 0);
	}

	/**
	 * A delivery sent before, with the entries still allowed; {@code null} when none is.
	 * The batch keeps its row and {@code webhook-id} even when its own entry is dropped;
	 * the other dropped entries are marked failed, each with its reason.
	 */
	private @Nullable Claimed retry(DeliveryRepository.Due row, String sent, Subscriber subscriber,
			List<DeliveryRepository.BatchEntry> merged, Refusals refusals) {
		String body = sent;
		String ownRefusal = subscriber.refusal(row.field(), row.groupId());
		List<String> kept = new ArrayList<>();
		if (ownRefusal == null) {
			kept.add(row.entry());
		}
		for (DeliveryRepository.BatchEntry entry : merged) {
			String refusal = subscriber.refusal(entry.field(), entry.groupId());
			if (refusal == null) {
				kept.add(entry.entry());
			}
			else {
				refusals.add(refusal, entry.id());
			}
		}
		if (kept.isEmpty()) {
			refusals.add((ownRefusal != null) ? ownRefusal : "Nothing left to send", row.id());
			return null;
		}
		if (kept.size() < 1 + merged.size()) {
			body = Envelope.of(row.topic(), kept);
			this.deliveries.fixBody(row.id(), body, kept.size());
		}
		return new Claimed(row.id(), subscriber, row.webhookId(), body, row.attempts());
	}

}
