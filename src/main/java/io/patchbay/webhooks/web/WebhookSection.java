package io.patchbay.webhooks.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Integrations;
import io.patchbay.platform.PatchbayProperties;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Subscriptions;
import io.patchbay.webhooks.Topic;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * The Webhooks section of an integration's console page: served as a fragment the
 * integrations page loads with htmx (the integrations module knows nothing of webhooks),
 * or as a page of its own without JavaScript.
 */
@Component
class WebhookSection {

	static final String PAGE = "webhooks/page";

	static final String FRAGMENT = "webhooks/section :: section";

	private final Integrations integrations;

	private final Subscriptions subscriptions;

	private final PatchbayProperties properties;

	WebhookSection(Integrations integrations, Subscriptions subscriptions, PatchbayProperties properties) {
		this.integrations = integrations;
		this.subscriptions = subscriptions;
		this.properties = properties;
	}

	/** The integration the URL names. */
	Integration find(long id) {
		return this.integrations.find(id);
	}

	/**
	 * Fills the model with every topic's tab, {@code selected} naming the one shown.
	 * @param draft what was typed into the selected tab's form when saving it failed
	 */
	void show(Integration integration, @Nullable String selected, @Nullable Draft draft, ModelMap model) {
		Map<Topic, Subscription> byTopic = this.subscriptions.of(integration.id())
			.stream()
			.collect(Collectors.toMap(Subscription::topic, Function.identity()));
		Topic current = Topic.of((selected != null) ? selected : "")
			.orElseGet(() -> firstWorthShowing(byTopic, integration));
		List<TopicTab> tabs = Arrays.stream(Topic.values())
			.map((topic) -> TopicTab.of(topic, integration, byTopic.get(topic),
					(topic == current && draft != null) ? draft.fields() : null))
			.toList();
		model.addAttribute("integration", integration);
		model.addAttribute("tabs", tabs);
		model.addAttribute("tab", tabs.get(current.ordinal()));
		model.addAttribute("draft", draft);
		// Production refuses plain http and private addresses; dev allows them, and says
		// so.
		model.addAttribute("devMode", !this.properties.production());
	}

	/** A topic already subscribed to, else one the integration may subscribe to. */
	private static Topic firstWorthShowing(Map<Topic, Subscription> byTopic, Integration integration) {
		return Arrays.stream(Topic.values())
			.filter(byTopic::containsKey)
			.findFirst()
			.or(() -> Arrays.stream(Topic.values())
				.filter((topic) -> TopicTab.of(topic, integration, null, null).anyAllowed())
				.findFirst())
			.orElse(Topic.PAGE);
	}

	/** Where the section's forms return to without JavaScript. */
	static String redirect(long integrationId, Topic topic) {
		return "redirect:/console/integrations/" + integrationId + "/webhooks?topic=" + topic.object();
	}

	/** A form that failed, shown again with what was typed (except the verify token). */
	record Draft(String callbackUrl, List<String> fields, String error) {

	}

}
