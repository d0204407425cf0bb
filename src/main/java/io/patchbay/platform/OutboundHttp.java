package io.patchbay.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for calls leaving Patchbay (webhooks, handshakes, connections): a
 * shared connection pool that caps concurrent calls per host (so one slow receiver cannot
 * starve the others), never follows redirects, enforces a hard deadline per call, reads
 * at most a small excerpt of any answer, and in production mode refuses private and
 * special-purpose addresses at connect time ({@link AddressPolicy}).
 */
public class OutboundHttp implements AutoCloseable {

	static final int EXCERPT_BYTES = 4096;

	private final CloseableHttpClient client;

	private final PoolingHttpClientConnectionManager connections;

	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("outbound-deadlines").factory());

	private final boolean httpsOnly;

	private final OutboundProperties settings;

	OutboundHttp(boolean production, OutboundProperties settings, String userAgent) {
		this.httpsOnly = production;
		this.settings = settings;
		this.connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(new AddressPolicy(production, settings.allowedCidrs()))
			.setMaxConnPerRoute(settings.maxPerHost())
			.setMaxConnTotal(settings.maxTotal())
			.setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(settings.connectTimeout()))
				.setSocketTimeout(Timeout.of(settings.socketTimeout()))
				.setTimeToLive(Timeout.of(settings.connectionTtl()))
				.build())
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(this.connections)
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(userAgent)
			.build();
	}

	/** Refuses URLs that production mode never calls: anything but absolute https. */
	public void checkUrl(java.net.URI uri) throws OutboundException {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("https") || (!this.httpsOnly && scheme.equals("http"))) || uri.getHost() == null) {
			throw new OutboundException(OutboundException.Failure.URL_NOT_ALLOWED,
					this.httpsOnly ? "only https URLs are allowed in production mode"
							: "only absolute http or https URLs are allowed");
		}
	}

	public OutboundResponse send(OutboundRequest request) throws OutboundException {
		checkUrl(request.uri());
		HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
		request.headers().forEach(http::setHeader);
		if (request.body() != null) {
			http.setEntity(new ByteArrayEntity(request.body(), null));
		}
		Timeout timeout = Timeout.of(request.timeout());
		http.setConfig(RequestConfig.custom()
			.setResponseTimeout(timeout)
			.setConnectionRequestTimeout(Timeout.of(this.settings.poolWaitTimeout()))
			.build());
		// A receiver that drips its answer byte by byte never trips the socket timeout:
		// the deadline cancels the whole exchange.
		ScheduledFuture<?> deadline = this.deadlines.schedule(http::cancel, request.timeout().toMillis(),
				TimeUnit.MILLISECONDS);
		long start = System.nanoTime();
		OutboundResponse answer = null;
		try (CloseableHttpResponse response = this.client.execute(http)) {
			byte[] body = body(response, request.maxBodyBytes());
			boolean truncated = body.length > request.maxBodyBytes();
			String excerpt = new String(body, 0, Math.min(body.length, request.maxBodyBytes()), StandardCharsets.UTF_8);
			Map<String, String> headers = new HashMap<>();
			for (Header header : response.getHeaders()) {
				headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
			}
			answer = new OutboundResponse(response.getCode(), headers, excerpt,
					Duration.ofNanos(System.nanoTime() - start), truncated);
			if (truncated) {
				// Closing would read the rest to reuse the connection: drop it instead.
				http.cancel();
			}
			return answer;
		}
		catch (IOException ex) {
			if (answer != null) {
				// Only the close of a connection dropped on purpose failed.
				return answer;
			}
			throw failure(ex, http.isCancelled(), request.timeout());
		}
		finally {
			deadline.cancel(false);
		}
	}

	/** What went wrong, in words rather than an exception's name. */
	private OutboundException failure(IOException ex, boolean cancelled, Duration timeout) {
		if (ex instanceof AddressPolicy.RefusedAddressException) {
			return new OutboundException(OutboundException.Failure.ADDRESS_NOT_ALLOWED, "the address is not allowed");
		}
		if (ex instanceof UnknownHostException) {
			return new OutboundException(OutboundException.Failure.UNKNOWN_HOST, "the host name could not be resolved");
		}
		if (!cancelled && ex instanceof ConnectTimeoutException) {
			return new OutboundException(OutboundException.Failure.TIMED_OUT,
					"timed out after " + this.settings.connectTimeout().toSeconds() + " s while connecting");
		}
		if (cancelled || ex instanceof InterruptedIOException) {
			// The answer's timeout, or the deadline's cancellation.
			return new OutboundException(OutboundException.Failure.TIMED_OUT,
					"timed out after " + Math.max(1, timeout.toSeconds()) + " s");
		}
		if (ex instanceof ConnectException) {
			return new OutboundException(OutboundException.Failure.CONNECTION_REFUSED, "connection refused");
		}
		if (ex instanceof SSLException) {
			return new OutboundException(OutboundException.Failure.TLS, "the TLS handshake failed");
		}
		return new OutboundException(OutboundException.Failure.NETWORK, "the connection failed");
	}

	/**
	 * At most one byte more than the limit, so that a body cut off can be told from one
	 * that fits exactly.
	 */
	private static byte[] body(CloseableHttpResponse response, int limit) throws IOException {
		if (response.getEntity() == null) {
			return new byte[0];
		}
		InputStream body = response.getEntity().getContent();
		return body.readNBytes(limit + 1);
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

}
