package io.patchbay.workflows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Keeps the run history to its retention (30 days) and publishes the queue's depth and
 * the age of its oldest waiting run as gauges, read from the database every few seconds
 * rather than on every scrape. Scheduled by {@link WorkflowsConfiguration}.
 */
@Component
class RunHousekeeping {

	private final AtomicLong depth = new AtomicLong();

	private final AtomicLong oldestSeconds = new AtomicLong();

	private final RunRepository runs;

	private final WorkflowProperties properties;

	private final Clock clock;

	RunHousekeeping(RunRepository runs, WorkflowProperties properties, MeterRegistry meters, Clock clock) {
		this.runs = runs;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("patchbay.workflow.queue.depth", this.depth, AtomicLong::get)
			.description("Workflow runs queued or running")
			.register(meters);
		Gauge.builder("patchbay.workflow.queue.oldest.age", this.oldestSeconds, AtomicLong::get)
			.description("Age in seconds of the oldest workflow run queued or running")
			.baseUnit("seconds")
			.register(meters);
	}

	void measureQueue() {
		RunRepository.Queue queue = this.runs.queue();
		this.depth.set(queue.depth());
		Instant now = this.clock.instant();
		this.oldestSeconds.set((queue.oldest() != null) ? Duration.between(queue.oldest(), now).toSeconds() : 0);
	}

	int purge() {
		return this.runs.purge(this.clock.instant().minus(this.properties.retention()));
	}

}
