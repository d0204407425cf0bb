package io.patchbay.webhooks;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises webhook events for tests outside this package, the way a change of content
 * would: through the subscriber cache and the outbox, inside a transaction.
 */
public final class WebhookEvents {

	private final Subscribers subscribers;

	private final Deliveries deliveries;

	private final TransactionTemplate transactions;

	public WebhookEvents(ApplicationContext context) {
		this.subscribers = context.getBean(Subscribers.class);
		this.deliveries = context.getBean(Deliveries.class);
		this.transactions = context.getBean(TransactionTemplate.class);
	}

	/**
	 * A post was added to a group the integration's {@code group} subscription reaches.
	 */
	public void groupPostAdded(long integrationId, String message) {
		groupPostsAdded(integrationId, message, 1);
	}

	/**
	 * Posts added in one transaction: messages {@code prefix0;} to
	 * {@code prefix<count-1>;}, or the prefix alone for one post.
	 */
	public void groupPostsAdded(long integrationId, String prefix, int count) {
		Subscriber subscriber = this.subscribers.find(integrationId, Topic.GROUP).orElseThrow();
		this.transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < count; i++) {
				String message = (count == 1) ? prefix : prefix + i + ";";
				this.deliveries.enqueue(subscriber, "posts", 100000000000001L,
						Map.of("id", "100000000000001", "time", 1763800000, "changes",
								List.of(Map.of("field", "posts", "value", Map.of("verb", "add", "message", message)))));
			}
		});
	}

}
