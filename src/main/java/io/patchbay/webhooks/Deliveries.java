package io.patchbay.webhooks;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.patchbay.platform.ClusterWakeUps;
import io.patchbay.platform.Ids;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox and the delivery log. Events are enqueued inside the transaction of the
 * change that raised them, so a committed change always has its deliveries and a
 * rolled-back one never does; the engine is woken once the transaction commits.
 */
@Service
public class Deliveries {

	private final DeliveryRepository repository;

	private final JsonMapper json;

	private final DeliveryEngine engine;

	private final Ids ids;

	private final Clock clock;

	private final ClusterWakeUps wakeUps;

	Deliveries(DeliveryRepository repository, JsonMapper json, DeliveryEngine engine, Ids ids, Clock clock,
			ClusterWakeUps wakeUps) {
		this.wakeUps = wakeUps;
		this.repository = repository;
		this.json = json;
		this.engine = engine;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Records an entry for a subscriber; call inside the change's transaction.
	 * @param groupId the group a {@code group} topic entry is about, so that the engine
	 * can check the group access again when it sends it; {@code null} for other topics
	 * @return the delivery's id
	 */
	long enqueue(Subscriber subscriber, String field, @Nullable Long groupId, Map<String, Object> entry) {
		return enqueue(List.of(subscriber), field, groupId, entry).getFirst();
	}

	/**
	 * Records the same entry for each of several subscribers in one batch (one round trip
	 * to the database, the entry serialized once); call inside the change's transaction.
	 */
	List<Long> enqueue(List<Subscriber> subscribers, String field, @Nullable Long groupId, Map<String, Object> entry) {
		if (subscribers.isEmpty()) {
			return List.of();
		}
		List<DeliveryRepository.NewDelivery> rows = subscribers.stream()
			.map((subscriber) -> new DeliveryRepository.NewDelivery(this.ids.next(), subscriber.integration().id(),
					subscriber.subscription().topic(), field, groupId))
			.toList();
		this.repository.insertAll(rows, this.json.writeValueAsString(entry), this.clock.instant());
		wakeAfterCommit();
		return rows.stream().map(DeliveryRepository.NewDelivery::id).toList();
	}

	@Transactional(readOnly = true)
	public List<Delivery> of(long integrationId, @Nullable DeliveryStatus status, int limit) {
		return this.repository.list(integrationId, status, Math.clamp(limit, 1, 500));
	}

	@Transactional(readOnly = true)
	public Delivery find(long deliveryId) {
		return this.repository.find(deliveryId)
			.orElseThrow(() -> new NotFoundException("Delivery", String.valueOf(deliveryId)));
	}

	/** Sends a delivery again, as a new attempt with the same {@code webhook-id}. */
	@Transactional
	public Delivery redeliver(long deliveryId) {
		Delivery delivery = find(deliveryId);
		this.repository.makeDue(delivery.id(), this.clock.instant());
		wakeAfterCommit();
		return find(deliveryId);
	}

	private void wakeAfterCommit() {
		this.wakeUps.afterCommit(DeliveryEngine.WAKE_UPS, this.engine::wake);
	}

}
