package io.patchbay.workflows;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workflow settings ({@code patchbay.workflows.*}); the defaults are the spec's.
 *
 * @param rateLimit requests per second each workflow's webhook URL accepts, counting
 * every request to it; the burst equals the rate ({@code PATCHBAY_WORKFLOWS_RATE_LIMIT})
 * @param membersMayBuild whether members build workflows of their own until an
 * administrator decides otherwise in the console; administrators always may
 * @param pollInterval how often a node looks for queued runs when not woken by a trigger
 * of its own
 * @param lease how long a claimed run stays with its node before another may take it over
 * (renewed at each step)
 * @param batchSize how many queued runs a node claims at once
 * @param concurrency how many runs a node executes at once
 * @param retention how long the run history is kept
 * @param failureNoticeInterval at most one chat notice of failed runs per workflow within
 * this time
 * @param queueMeasureInterval how often the queue gauges are read from the database
 * @param purgeInterval how often runs past the retention are deleted
 */
@ConfigurationProperties("patchbay.workflows")
record WorkflowProperties(@DefaultValue("1") int rateLimit, @DefaultValue("true") boolean membersMayBuild,
		@DefaultValue("500ms") Duration pollInterval, @DefaultValue("1m") Duration lease,
		@DefaultValue("200") int batchSize, @DefaultValue("256") int concurrency,
		@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration failureNoticeInterval,
		@DefaultValue("5s") Duration queueMeasureInterval, @DefaultValue("1h") Duration purgeInterval) {

}
