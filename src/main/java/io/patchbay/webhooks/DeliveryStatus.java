package io.patchbay.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a delivery stands. {@code MERGED} rows were sent as entries of another delivery's
 * batch and are not listed on their own.
 */
public enum DeliveryStatus {

	PENDING, SUCCEEDED, FAILED, MERGED;

	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DeliveryStatus> of(String apiName) {
		return Arrays.stream(values())
			.filter((status) -> status != MERGED && status.apiName().equals(apiName))
			.findFirst();
	}

}
