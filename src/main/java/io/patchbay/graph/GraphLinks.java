package io.patchbay.graph;

import java.net.URI;

import io.patchbay.platform.PatchbayProperties;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the Graph API lives, for the absolute {@code paging.next} links that clients
 * fetch unchanged: under {@code PATCHBAY_BASE_URL}, as the spec says, because behind a
 * proxy the request's own host is not what the integration reached. Only when the base
 * URL names port 0 (a server on a random port, as in tests, where the configured URL
 * cannot be reached) is the link built from the current request instead.
 */
@Component
class GraphLinks {

	private final PatchbayProperties properties;

	GraphLinks(PatchbayProperties properties) {
		this.properties = properties;
	}

	/** The Graph API's root, without a trailing slash. */
	String graph() {
		URI base = this.properties.baseUrl();
		String root = (base.getPort() == 0) ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
				: base.toString();
		return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/graph";
	}

}
