package io.patchbay.webhooks.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Permission;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Topic;
import org.jspecify.annotations.Nullable;

/**
 * One tab of the console's Webhooks section: a topic, the integration's subscription to
 * it if any, and each of its fields as a checkbox.
 */
record TopicTab(Topic topic, @Nullable Subscription subscription, List<FieldChoice> fields) {

	/**
	 * A field of the topic. One the integration lacks every needed permission for cannot
	 * be chosen, so the console shows what it needs instead of a save that fails.
	 */
	record FieldChoice(String name, boolean checked, boolean allowed, List<Permission> needs) {

	}

	static TopicTab of(Topic topic, Integration integration, @Nullable Subscription subscription,
			@Nullable List<String> draftFields) {
		List<String> checked = (draftFields != null) ? draftFields
				: (subscription != null) ? subscription.fields() : List.of();
		List<FieldChoice> fields = topic.fields().stream().map((field) -> {
			Set<Permission> needs = topic.permissionsFor(field);
			return new FieldChoice(field, checked.contains(field), needs.stream().anyMatch(integration::holds),
					needs.stream().sorted(Comparator.comparing(Permission::apiName)).toList());
		}).toList();
		return new TopicTab(topic, subscription, fields);
	}

	public String object() {
		return this.topic.object();
	}

	public boolean subscribed() {
		return this.subscription != null;
	}

	/**
	 * Disabled by Patchbay (410 Gone, or failing for too long): needs the admin's eye.
	 */
	public boolean disabled() {
		return this.subscription != null && !this.subscription.active();
	}

	public boolean anyAllowed() {
		return this.fields.stream().anyMatch(FieldChoice::allowed);
	}

}
