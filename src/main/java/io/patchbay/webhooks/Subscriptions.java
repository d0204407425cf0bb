package io.patchbay.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.AuditLog;
import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Integrations;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.OutboundException;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.SealedSecrets;
import io.patchbay.platform.SecretBox;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribes integrations to topics. A subscription is saved only once its callback has
 * passed the handshake: when it is new, when its URL or verify token changes, and when a
 * disabled one is saved again (which re-enables it).
 */
@Service
public class Subscriptions implements SealedSecrets {

	static final int MAX_VERIFY_TOKEN = 256;

	private final SubscriptionRepository repository;

	private final Integrations integrations;

	private final Handshake handshake;

	private final OutboundHttp http;

	private final SecretBox box;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Ids ids;

	private final Clock clock;

	Subscriptions(SubscriptionRepository repository, Integrations integrations, Handshake handshake, OutboundHttp http,
			SecretBox box, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transactions, Ids ids,
			Clock clock) {
		this.repository = repository;
		this.integrations = integrations;
		this.handshake = handshake;
		this.http = http;
		this.box = box;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Creates or replaces the integration's subscription to a topic. The handshake runs
	 * outside any transaction: a slow callback holds no database connection.
	 */
	public Subscription subscribe(long integrationId, String topicName, String callbackUrl, String verifyToken,
			List<String> fieldNames) {
		Integration integration = this.integrations.find(integrationId);
		Topic topic = Topic.of(topicName)
			.orElseThrow(() -> new InvalidInputException("topic", "Unknown topic '" + topicName + "'"));
		checkCallbackUrl(callbackUrl);
		if (verifyToken.isEmpty() || verifyToken.length() > MAX_VERIFY_TOKEN) {
			throw new InvalidInputException("verifyToken", "verifyToken must be 1 to 256 characters");
		}
		Set<String> fields = checkFields(integration, topic, fieldNames);
		Optional<Subscription> current = find(integrationId, topic);
		boolean verify = current.isEmpty() || !current.get().active()
				|| !current.get().callbackUrl().equals(callbackUrl)
				|| !verifyToken.equals(verifyTokenOf(current.get()));
		if (verify) {
			this.handshake.verify(callbackUrl, verifyToken);
		}
		this.transactions
			.executeWithoutResult((status) -> save(integration, topic, current, callbackUrl, verifyToken, fields));
		return find(integrationId, topic).orElseThrow();
	}

	/**
	 * Saves an existing subscription again with the verify token it already has: the
	 * console never shows a saved token back, so an empty token field means "unchanged".
	 */
	public Subscription resubscribe(long integrationId, String topicName, String callbackUrl, List<String> fieldNames) {
		Subscription current = Topic.of(topicName)
			.flatMap((topic) -> find(integrationId, topic))
			.orElseThrow(() -> new InvalidInputException("verifyToken", "verifyToken must be 1 to 256 characters"));
		return subscribe(integrationId, topicName, callbackUrl, verifyTokenOf(current), fieldNames);
	}

	private void save(Integration integration, Topic topic, Optional<Subscription> current, String callbackUrl,
			String verifyToken, Set<String> fields) {
		Instant now = this.clock.instant();
		List<String> fieldList = List.copyOf(fields);
		if (current.isPresent()) {
			long id = current.get().id();
			this.repository.update(id, callbackUrl, encrypt(id, verifyToken), fieldList, now);
		}
		else {
			long id = this.ids.next();
			this.repository.insert(id, integration.id(), topic, callbackUrl, encrypt(id, verifyToken), fieldList, now);
		}
		this.audit.record("webhook.subscribed", "integration", String.valueOf(integration.id()), integration.name(),
				"topic=" + topic.object() + " fields=" + fields + " callbackUrl=" + withoutSecrets(callbackUrl));
		this.events.publishEvent(new SubscriptionsChanged());
	}

	@Transactional
	public void unsubscribe(long integrationId, String topicName) {
		Integration integration = this.integrations.find(integrationId);
		Topic topic = Topic.of(topicName).orElseThrow(() -> new NotFoundException("Subscription", topicName));
		int deleted = this.repository.delete(integrationId, topic);
		if (deleted == 0) {
			throw new NotFoundException("Subscription", topicName);
		}
		this.audit.record("webhook.unsubscribed", "integration", String.valueOf(integrationId), integration.name(),
				"topic=" + topic.object());
		this.events.publishEvent(new SubscriptionsChanged());
	}

	public List<Subscription> of(long integrationId) {
		return this.repository.of(integrationId);
	}

	public Optional<Subscription> find(long integrationId, Topic topic) {
		return this.repository.find(integrationId, topic);
	}

	/** Every active subscription, for the outbox's subscriber cache. */
	List<Subscription> allActive() {
		return this.repository.allActive();
	}

	private void checkCallbackUrl(String callbackUrl) {
		try {
			URI uri = new URI(callbackUrl);
			if (!uri.isAbsolute() || callbackUrl.length() > 2000 || uri.getRawFragment() != null) {
				throw new InvalidInputException("callbackUrl", "callbackUrl must be an absolute http(s) URL");
			}
			this.http.checkUrl(uri);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new InvalidInputException("callbackUrl", "callbackUrl must be an absolute http(s) URL");
		}
		catch (OutboundException ex) {
			throw new InvalidInputException("callbackUrl", ex.getMessage());
		}
	}

	/**
	 * The callback URL as the audit log keeps it: scheme, host, port and path. A query
	 * string or user info may carry a receiver's secret.
	 */
	static String withoutSecrets(String callbackUrl) {
		URI uri = URI.create(callbackUrl);
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "")
				+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

	private static Set<String> checkFields(Integration integration, Topic topic, List<String> fieldNames) {
		if (fieldNames.isEmpty()) {
			throw new InvalidInputException("fields", "Subscribe to at least one field of " + topic.object());
		}
		Set<String> fields = new LinkedHashSet<>();
		for (String field : fieldNames) {
			if (!topic.hasField(field)) {
				throw new InvalidInputException("fields", "Unknown field '" + field + "' of topic " + topic.object()
						+ " (known: " + topic.fields() + ")");
			}
			Set<Permission> needed = topic.permissionsFor(field);
			if (needed.stream().noneMatch(integration::holds)) {
				throw new InvalidInputException("fields", "The field '" + field + "' requires the permission "
						+ needed.stream().map(Permission::apiName).sorted().toList());
			}
			fields.add(field);
		}
		return fields;
	}

	private String verifyTokenOf(Subscription subscription) {
		return this.box.decrypt(this.repository.sealedVerifyToken(subscription.id()), context(subscription.id()));
	}

	private String encrypt(long subscriptionId, String verifyToken) {
		return this.box.encrypt(verifyToken, context(subscriptionId));
	}

	@Override
	public List<Column> sealedColumns() {
		return List
			.of(new Column("webhook_subscription", "id", "verify_token", "webhook_subscription/", "/verify_token"));
	}

	private static String context(long subscriptionId) {
		return "webhook_subscription/" + subscriptionId + "/verify_token";
	}

}
