package io.patchbay.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code patchbay.webhooks.*}); the defaults are the spec's.
 *
 * @param timeout how long a receiver has to answer 2xx
 * @param retrySchedule the delays before each retry (about 36 hours in all), each with
 * ±20 % jitter
 * @param failureWindow how long a subscription may fail without a success before it is
 * disabled
 * @param pollInterval how often a node looks for due deliveries when not woken by a new
 * event of its own
 * @param lease how long a claimed delivery stays with its node before others may take it
 * over
 * @param retention how long the delivery log keeps finished deliveries
 * @param batchSize how many deliveries a node claims at once, and the most entries one
 * POST carries
 * @param handshakeTimeout how long a callback has to answer the verification handshake
 * @param subscriberCacheTtl how long a node keeps the subscribers it read: how late other
 * nodes of a cluster see a change of subscriptions or integrations
 * @param queueMeasureInterval how often the queue gauges are read from the database
 * @param purgeInterval how often finished deliveries past the retention are deleted
 */
@ConfigurationProperties("patchbay.webhooks")
record WebhookProperties(@DefaultValue("20s") Duration timeout, @DefaultValue( {
		"5s", "30s", "2m", "10m", "30m", "1h", "3h", "6h", "12h", "12h" }) List<Duration> retrySchedule,
		@DefaultValue("36h") Duration failureWindow, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("2m") Duration lease, @DefaultValue("14d") Duration retention,
		@DefaultValue("1000") int batchSize, @DefaultValue("10s") Duration handshakeTimeout,
		@DefaultValue("5s") Duration subscriberCacheTtl, @DefaultValue("5s") Duration queueMeasureInterval,
		@DefaultValue("1h") Duration purgeInterval){

}
