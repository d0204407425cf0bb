package io.patchbay.integrations.web;

import java.time.Duration;

import io.patchbay.integrations.IntegrationLogos;
import io.patchbay.platform.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves integration logos to signed-in members and administrators.
 */
@RestController
class IntegrationLogoController {

	private final IntegrationLogos logos;

	IntegrationLogoController(IntegrationLogos logos) {
		this.logos = logos;
	}

	@GetMapping("/api/v1/integrations/{id}/logo")
	ResponseEntity<byte[]> logo(@PathVariable long id) {
		return this.logos.find(id)
			.map((logo) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(logo.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
				.header("X-Content-Type-Options", "nosniff")
				.body(logo.content()))
			.orElseThrow(() -> new NotFoundException("Logo", String.valueOf(id)));
	}

}
