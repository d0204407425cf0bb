package io.patchbay.webhooks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import io.patchbay.platform.OutboundException;
import io.patchbay.platform.OutboundHttp;
import io.patchbay.platform.OutboundRequest;
import io.patchbay.platform.OutboundResponse;

import org.springframework.stereotype.Component;

/**
 * The subscription handshake:
 * {@code GET <callback>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…} must
 * answer 200 with the challenge as its body within 10 seconds
 * ({@code patchbay.webhooks.handshake-timeout}).
 */
@Component
class Handshake {

	private final SecureRandom random = new SecureRandom();

	private final OutboundHttp http;

	private final Duration timeout;

	Handshake(OutboundHttp http, WebhookProperties properties) {
		this.http = http;
		this.timeout = properties.handshakeTimeout();
	}

	void verify(String callbackUrl, String verifyToken) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String challenge = HexFormat.of().formatHex(bytes);
		String separator = callbackUrl.contains("?") ? "&" : "?";
		URI uri = URI.create(callbackUrl + separator + "hub.mode=subscribe&hub.challenge=" + challenge
				+ "&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8));
		OutboundResponse response;
		try {
			response = this.http.send(new OutboundRequest("GET", uri, Map.of(), null, this.timeout));
		}
		catch (OutboundException ex) {
			throw new HandshakeFailedException(ex.reason(), "the callback URL could not be reached");
		}
		if (response.status() != 200) {
			throw new HandshakeFailedException("the callback answered HTTP " + response.status());
		}
		if (!challenge.equals(response.bodyExcerpt().strip())) {
			throw new HandshakeFailedException("the callback answered 200 but not with the hub.challenge value");
		}
	}

}
