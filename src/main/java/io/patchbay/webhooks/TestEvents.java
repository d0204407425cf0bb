package io.patchbay.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's "Send test event": an entry for one of a subscription's fields, marked as
 * a test, that goes through the engine like any other (signed, retried, in the delivery
 * log), so that a developer can check that their receiver gets and verifies Patchbay's
 * calls before real events flow.
 */
@Service
public class TestEvents {

	private final Subscribers subscribers;

	private final Deliveries deliveries;

	private final AuditLog audit;

	private final Clock clock;

	TestEvents(Subscribers subscribers, Deliveries deliveries, AuditLog audit, Clock clock) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Queues the test entry for the integration's active subscription to the topic.
	 * @return the delivery, to follow in the delivery log
	 */
	@Transactional
	public Delivery send(long integrationId, Topic topic, String field) {
		Subscriber subscriber = this.subscribers.find(integrationId, topic)
			.orElseThrow(() -> new ConflictException("topic", "There is no active subscription to " + topic.object()));
		String refusal = subscriber.refusal(field, null);
		if (refusal != null) {
			throw new InvalidInputException("field", refusal);
		}
		Instant now = this.clock.instant();
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("test", true);
		value.put("message", "A test event sent from the Patchbay console");
		value.put("created_time", ChangeEntries.time(now));
		long id = this.deliveries.enqueue(subscriber, field, null,
				ChangeEntries.entry(subscriber.integration().pageId(), now, field, value));
		this.audit.record("webhook.test_sent", "integration", String.valueOf(integrationId),
				subscriber.integration().name(), "topic=" + topic.object() + " field=" + field);
		return this.deliveries.find(id);
	}

}
