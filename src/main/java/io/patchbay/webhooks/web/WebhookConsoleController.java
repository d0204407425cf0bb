package io.patchbay.webhooks.web;

import java.util.List;

import io.patchbay.integrations.Integration;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageController;
import io.patchbay.webhooks.Delivery;
import io.patchbay.webhooks.HandshakeFailedException;
import io.patchbay.webhooks.Subscription;
import io.patchbay.webhooks.Subscriptions;
import io.patchbay.webhooks.TestEvents;
import io.patchbay.webhooks.Topic;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Webhooks section: one tab per topic, where an administrator subscribes
 * the integration, changes its fields or callback, and removes the subscription. With
 * htmx every answer is the section itself; without, a plain form round trip to its own
 * page.
 */
@PageController
@RequestMapping("/console/integrations/{id}/webhooks")
@PreAuthorize("hasAuthority('manage_integrations')")
class WebhookConsoleController {

	private static final String HTMX = "HX-Request";

	private final Subscriptions subscriptions;

	private final WebhookSection section;

	private final TestEvents testEvents;

	WebhookConsoleController(Subscriptions subscriptions, WebhookSection section, TestEvents testEvents) {
		this.subscriptions = subscriptions;
		this.section = section;
		this.testEvents = testEvents;
	}

	@GetMapping
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable String topic,
			@RequestHeader(name = HTMX, required = false) @Nullable String htmx, ModelMap model) {
		this.section.show(this.section.find(id), topic, null, model);
		return (htmx != null) ? WebhookSection.FRAGMENT : WebhookSection.PAGE;
	}

	/**
	 * Unchecked boxes are absent from the form, hence the empty default; an empty verify
	 * token keeps the saved one, which the page never shows back.
	 */
	@PostMapping("/{topic}")
	ModelAndView subscribe(@PathVariable long id, @PathVariable String topic,
			@RequestParam(defaultValue = "") String callbackUrl, @RequestParam(defaultValue = "") String verifyToken,
			@RequestParam(defaultValue = "") List<String> fields,
			@RequestHeader(name = HTMX, required = false) @Nullable String htmx, RedirectAttributes flash) {
		Integration integration = this.section.find(id);
		Topic subscribed = topic(topic);
		String url = callbackUrl.strip();
		try {
			if (verifyToken.isEmpty() && this.subscriptions.find(integration.id(), subscribed).isPresent()) {
				this.subscriptions.resubscribe(integration.id(), topic, url, fields);
			}
			else {
				this.subscriptions.subscribe(integration.id(), topic, url, verifyToken, fields);
			}
		}
		catch (InvalidInputException ex) {
			return failed(integration, subscribed, new WebhookSection.Draft(url, fields, ex.getMessage()), htmx,
					HttpStatus.BAD_REQUEST);
		}
		catch (HandshakeFailedException ex) {
			return failed(integration, subscribed, new WebhookSection.Draft(url, fields, ex.getMessage()), htmx,
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return done(integration, subscribed, "webhooks.notice.saved", htmx, flash);
	}

	@PostMapping("/{topic}/remove")
	ModelAndView unsubscribe(@PathVariable long id, @PathVariable String topic,
			@RequestHeader(name = HTMX, required = false) @Nullable String htmx, RedirectAttributes flash) {
		Integration integration = this.section.find(id);
		Topic removed = topic(topic);
		this.subscriptions.unsubscribe(integration.id(), removed.object());
		return done(integration, removed, "webhooks.notice.removed", htmx, flash);
	}

	/**
	 * Sends a test entry for one subscribed field and shows its delivery, whose log says
	 * how the receiver answered. A plain form: the delivery page replaces the console's.
	 */
	@PostMapping("/{topic}/test")
	ModelAndView test(@PathVariable long id, @PathVariable String topic,
			@RequestParam(defaultValue = "") String field) {
		Integration integration = this.section.find(id);
		Topic tested = topic(topic);
		try {
			Delivery delivery = this.testEvents.send(integration.id(), tested, field);
			return new ModelAndView("redirect:/console/deliveries/" + delivery.id());
		}
		catch (InvalidInputException | ConflictException ex) {
			Subscription subscription = this.subscriptions.find(integration.id(), tested).orElse(null);
			return failed(integration, tested,
					new WebhookSection.Draft((subscription != null) ? subscription.callbackUrl() : "",
							(subscription != null) ? List.copyOf(subscription.fields()) : List.of(), ex.getMessage()),
					null, HttpStatus.BAD_REQUEST);
		}
	}

	private ModelAndView done(Integration integration, Topic topic, String notice, @Nullable String htmx,
			RedirectAttributes flash) {
		if (htmx != null) {
			ModelAndView fragment = new ModelAndView(WebhookSection.FRAGMENT);
			this.section.show(integration, topic.object(), null, fragment.getModelMap());
			fragment.addObject("notice", notice);
			return fragment;
		}
		flash.addFlashAttribute("notice", notice);
		return new ModelAndView(WebhookSection.redirect(integration.id(), topic));
	}

	/**
	 * The form again, with the reason next to it. htmx swaps only 2xx answers by default,
	 * so its fragment comes with 200; the plain page keeps the honest status.
	 */
	private ModelAndView failed(Integration integration, Topic topic, WebhookSection.Draft draft, @Nullable String htmx,
			HttpStatus status) {
		ModelAndView page = (htmx != null) ? new ModelAndView(WebhookSection.FRAGMENT)
				: new ModelAndView(WebhookSection.PAGE, status);
		this.section.show(integration, topic.object(), draft, page.getModelMap());
		return page;
	}

	private static Topic topic(String object) {
		return Topic.of(object).orElseThrow(() -> new NotFoundException("Topic", object));
	}

}
