package io.patchbay.connections;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of connection calls ({@code patchbay.connections.*}); the defaults are the
 * spec's.
 *
 * @param callTimeout how long a call may take, from connecting to the last byte
 * @param maxResponseSize how much of an answer's body is kept; the rest is cut and the
 * answer flagged {@code truncated}
 */
@ConfigurationProperties("patchbay.connections")
record ConnectionProperties(@DefaultValue("10s") Duration callTimeout, @DefaultValue("1MB") DataSize maxResponseSize) {

}
