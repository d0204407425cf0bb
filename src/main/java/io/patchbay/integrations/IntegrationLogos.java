package io.patchbay.integrations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration logos: PNG, JPEG or WebP, at most 1 MiB and 1024×1024. The format is read
 * from the bytes, never trusted from the upload's declared type.
 */
@Service
@Transactional
public class IntegrationLogos {

	static final int MAX_BYTES = 1024 * 1024;

	static final int MAX_SIDE = 1024;

	private static final Map<String, String> CONTENT_TYPES = Map.of("png", "image/png", "jpeg", "image/jpeg", "webp",
			"image/webp");

	private final IntegrationRepository repository;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IntegrationLogos(IntegrationRepository repository, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public void change(Integration integration, byte[] content) {
		String contentType = check(content);
		this.repository.replaceLogo(integration.id(), new Logo(contentType, content), this.clock.instant());
		this.events.publishEvent(new IntegrationChanged(integration.id()));
		this.audit.record("integration.logo_changed", Integrations.AUDIT_TYPE, String.valueOf(integration.id()),
				integration.name(), contentType + ", " + content.length + " bytes");
	}

	@Transactional(readOnly = true)
	public Optional<Logo> find(long integrationId) {
		return this.repository.findLogo(integrationId);
	}

	private static String check(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("file", "The logo file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw new InvalidInputException("file", "The logo must be at most 1 MiB");
		}
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
				String contentType = CONTENT_TYPES.get("jpg".equals(format) ? "jpeg" : format);
				if (contentType == null) {
					continue;
				}
				try {
					reader.setInput(input);
					if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
						throw new InvalidInputException("file", "The logo must be at most 1024×1024 pixels");
					}
					return contentType;
				}
				finally {
					reader.dispose();
				}
			}
		}
		catch (IOException ex) {
			// Unreadable image data: the same answer as any other non-image.
		}
		throw new InvalidInputException("file", "The logo must be a PNG, JPEG or WebP image");
	}

}
